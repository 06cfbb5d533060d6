package io.tandem.platform.problem;

import io.tandem.platform.json.JsonConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: the one shape every error of Tandem takes, whether it is raised by a service, mapped from
 * an exception or written by the servlet layer. Seed-documented members ({@code error}, {@code current_version} …)
 * are added with {@link #with}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private String title;
    private final String detail;
    private String type = "about:blank";
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(int status, String detail) {
        this.status = status;
        this.detail = detail;
        Response.Status known = Response.Status.fromStatusCode(status);
        this.title = known != null ? known.getReasonPhrase() : titleFor(status);
    }

    public static Problem of(int status, String detail) {
        return new Problem(status, detail);
    }

    public static Problem badRequest(String detail) {
        return of(400, detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, detail);
    }

    public static Problem authenticationRequired() {
        return of(401, "Authentication required.").with("error", "Authentication required");
    }

    public static Problem forbidden(String detail) {
        return of(403, detail);
    }

    public static Problem notFound(String detail) {
        return of(404, detail);
    }

    public static Problem conflict(String detail) {
        return of(409, detail);
    }

    /** A problem type of Tandem's own, e.g. {@code version-conflict}; clients may switch on it. */
    public Problem type(String slug) {
        this.type = "/problems/" + slug;
        return this;
    }

    public Problem title(String title) {
        this.title = title;
        return this;
    }

    /** Names the request field the problem is about. */
    public Problem field(String name) {
        return with("field", name);
    }

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> members() {
        return members;
    }

    public ProblemException toException() {
        return new ProblemException(this);
    }

    public JsonObject toJson(String instance, String correlationId) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        if (correlationId != null) {
            body.add("correlation_id", correlationId);
        }
        members.forEach((name, value) -> body.add(name, JsonConfig.toJsonValue(value)));
        return body.build();
    }

    public Response toResponse(String instance, String correlationId) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson(instance, correlationId).toString());
        headers.forEach(response::header);
        return response.build();
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }

    @Override
    public String toString() {
        return status + " " + title + (detail == null ? "" : ": " + detail);
    }
}
