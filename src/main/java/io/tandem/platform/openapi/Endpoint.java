package io.tandem.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.lang.reflect.Type;
import java.util.List;

/**
 * One operation of the document, told what its Java signature cannot say: the body a {@code String body} parameter
 * is read into, the answer a {@code Response} carries, who may call it and which problems it can answer beyond
 * the ones every operation of its kind can ({@link Endpoints}).
 */
final class Endpoint {

    static final String JSON = "application/json";

    final Operation operation;
    private final Schemas schemas;

    Endpoint(Operation operation, Schemas schemas) {
        this.operation = operation;
        this.schemas = schemas;
    }

    Endpoint summary(String summary) {
        operation.summary(summary);
        return this;
    }

    Endpoint description(String description) {
        operation.description(operation.getDescription() == null ? description : operation.getDescription() + " " + description);
        return this;
    }

    Endpoint id(String operationId) {
        operation.operationId(operationId);
        return this;
    }

    /** Only these roles (or the named person) may call it; anyone else gets 403. */
    Endpoint who(String who) {
        return description("Who: " + who + ".").problems(403);
    }

    /**
     * No sign-in needed. Said as {@code security: [{}]} (the one requirement is "nothing"): Payara writes the document
     * without empty lists, so {@code security: []} would vanish and the operation would inherit the bearer
     * requirement. A token that is sent must still be valid, so 401 stays possible.
     */
    Endpoint publicly() {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        return this;
    }

    /** A bearer token, or none when the request proves itself otherwise (a stream ticket). */
    Endpoint bearerOrNone() {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(Endpoints.BEARER),
                OASFactory.createSecurityRequirement()));
        return this;
    }

    /** A JSON body of this record, read with {@code Bodies.read}. */
    Endpoint body(Type record) {
        return body(schemas.request(record), true, JSON);
    }

    /** A body the client may leave out. */
    Endpoint optionalBody(Type record) {
        return body(schemas.request(record), false, JSON);
    }

    Endpoint body(Schema schema, boolean required, String... mediaTypes) {
        Content content = OASFactory.createContent();
        for (String mediaType : mediaTypes) {
            content.addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
        }
        operation.requestBody(OASFactory.createRequestBody().content(content).required(required));
        return problems(400, 413, 415);
    }

    Endpoint ok(Type answer) {
        return answer("200", "OK", schemas.answer(answer));
    }

    Endpoint ok(Schema answer) {
        return answer("200", "OK", answer);
    }

    Endpoint created(Type answer) {
        return answer("201", "Created", schemas.answer(answer));
    }

    Endpoint created(Schema answer) {
        return answer("201", "Created", answer);
    }

    Endpoint noContent() {
        operation.getResponses().addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body."));
        return this;
    }

    /** A success answered in another media type than JSON (a stream, a text document). */
    Endpoint answers(String mediaType, Schema schema, String description) {
        operation.getResponses().addAPIResponse("200", OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema))));
        return this;
    }

    Endpoint answer(String status, String description, Schema schema) {
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(schema))));
        return this;
    }

    /** A header every success of this operation carries ({@code ETag}, {@code Location}). */
    Endpoint successHeader(String name, String description) {
        Header header = OASFactory.createHeader().description(description).schema(Schemas.simple(Schema.SchemaType.STRING, null));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(name, header);
            }
        });
        return this;
    }

    /** Problems this operation can answer, each a shared problem+json response. */
    Endpoint problems(int... statuses) {
        for (int status : statuses) {
            operation.getResponses().addAPIResponse(Integer.toString(status), OASFactory.createAPIResponse().ref(Problems.ref(status)));
        }
        return this;
    }

    /** A query parameter the method reads itself (from {@code UriInfo}) rather than through {@code @QueryParam}. */
    Endpoint query(String name, Type type, String description) {
        operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(schemas.request(type)));
        return problems(400);
    }

    static SecurityRequirement bearer() {
        return OASFactory.createSecurityRequirement().addScheme(Endpoints.BEARER);
    }
}
