package io.tandem.platform.openapi;

import io.tandem.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Problem schema — RFC 9457 as {@link Problem} writes it, with the version-conflict members — and one shared
 * problem+json response per status, which every operation refers to instead of repeating it.
 */
final class Problems {

    /** The {@code default} response: any status an operation does not list. */
    static final int ANY = 0;

    private record Kind(String name, String description) {
    }

    private static final Map<Integer, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(ANY, new Kind("Problem", "Any other failure as problem+json: 405 a wrong method (with `Allow`), 500 a server fault."));
        KINDS.put(400, new Kind("BadRequest", "Bad JSON, a missing or wrongly typed field (named in `field`), or a bad query parameter."));
        KINDS.put(401, new Kind("Unauthorized", "No access token where one is needed, or an invalid, expired or revoked one."));
        KINDS.put(403, new Kind("Forbidden", "The caller may not do this."));
        KINDS.put(404, new Kind("NotFound", "Nothing at this path, or no such item."));
        KINDS.put(409, new Kind("Conflict", "Conflicts with the current state: a stale `version` in the body "
                + "(`/problems/version-conflict`, with `current` and `changes_since`), or a rule of the operation."));
        KINDS.put(412, new Kind("PreconditionFailed", "A stale `If-Match` (`/problems/version-conflict`, the current state as for 409)."));
        KINDS.put(413, new Kind("ContentTooLarge", "The body is too large, or has too many items."));
        KINDS.put(415, new Kind("UnsupportedMediaType", "The body is not JSON."));
        KINDS.put(422, new Kind("UnprocessableContent", "Understood but not possible: an Idempotency-Key reused with another "
                + "body, or a rule of the operation."));
        KINDS.put(428, new Kind("PreconditionRequired", "Neither `version` in the body nor `If-Match`."));
        KINDS.put(429, new Kind("TooManyRequests", "Too many failed sign-ins; wait `Retry-After` seconds."));
        KINDS.put(503, new Kind("ServiceUnavailable", "The database is busy (lock wait or deadlock); retry after `Retry-After` seconds."));
    }

    private Problems() {
    }

    /** The shared response for a status. */
    static String ref(int status) {
        Kind kind = KINDS.get(status);
        if (kind == null) {
            throw new IllegalArgumentException("No shared problem response for " + status);
        }
        return "#/components/responses/" + kind.name();
    }

    static void addTo(Components components, Schemas schemas) {
        schemas.define("ChangeSince", Object.class, object()
                .addProperty("version", Schemas.simple(SchemaType.INTEGER, "int64"))
                .addProperty("field", text())
                .addProperty("old", OASFactory.createSchema().description("Any JSON value."))
                .addProperty("new", OASFactory.createSchema().description("Any JSON value."))
                .addProperty("modified_by", text().nullable(true))
                .addProperty("modified_at", Schemas.simple(SchemaType.STRING, "date-time")));
        schemas.define("Problem", Problem.class, object()
                .description("RFC 9457 problem details. Other members appear where a problem type defines them "
                        + "(e.g. `details` of a bulk save, `available` of a stock conflict).")
                .addProperty("type", Schemas.simple(SchemaType.STRING, "uri-reference")
                        .description("`about:blank` or one of Tandem's, e.g. `/problems/version-conflict`."))
                .addProperty("title", text())
                .addProperty("status", Schemas.simple(SchemaType.INTEGER, "int32"))
                .addProperty("detail", text())
                .addProperty("instance", text().description("The request path."))
                .addProperty("correlation_id", text().description("Also in the X-Correlation-Id header and the server log."))
                .addProperty("field", text().description("The request field at fault."))
                .addProperty("error", text())
                .addProperty("message", text())
                .addProperty("expected_version", Schemas.simple(SchemaType.INTEGER, "int64"))
                .addProperty("current_version", Schemas.simple(SchemaType.INTEGER, "int64"))
                .addProperty("last_modified_by", text().nullable(true))
                .addProperty("last_modified_at", Schemas.simple(SchemaType.STRING, "date-time").nullable(true))
                .addProperty("current", object().description("The entity as it is now."))
                .addProperty("changes_since", Schemas.arrayOf(Schemas.ref("ChangeSince")))
                .required(List.of("type", "title", "status")).additionalPropertiesBoolean(true));
        KINDS.forEach((status, kind) -> components.addResponse(kind.name(), OASFactory.createAPIResponse()
                .description(kind.description()).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(Schemas.ref("Problem"))))));
        components.getResponses().get("TooManyRequests").addHeader("Retry-After", retryAfter());
        components.getResponses().get("ServiceUnavailable").addHeader("Retry-After", retryAfter());
        components.getResponses().get("Unauthorized").addHeader("WWW-Authenticate", OASFactory.createHeader().schema(text()));
    }

    private static Schema object() {
        return OASFactory.createSchema().type(SchemaType.OBJECT);
    }

    private static Schema text() {
        return Schemas.simple(SchemaType.STRING, null);
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait.").schema(Schemas.simple(SchemaType.INTEGER, "int32"));
    }
}
