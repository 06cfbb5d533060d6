package io.tandem.platform.idempotency;

import io.tandem.platform.json.JsonConfig;
import io.tandem.platform.problem.Failures;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.ProblemException;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.platform.web.RequestGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Safe retries for POSTs: a request with an {@code Idempotency-Key} header runs once per user and key; a retry
 * with the same body gets the first answer again (with {@code Idempotent-Replayed: true}) and changes nothing; the
 * same key with a different body is a 422. Concurrent requests with one key: one runs, the others wait for its
 * answer. Server faults (5xx) free the key so a retry runs for real. Any resource can wrap a POST in {@link #run}.
 */
@RequestScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    IdempotencyKeys keys;

    @Inject
    CurrentCaller caller;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "tandem.idempotency.enabled", defaultValue = "true")
    boolean enabled;

    public Response run(String key, String body, Supplier<Response> action) {
        if (key == null || !enabled) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Problem.badRequest("Idempotency-Key must be 1-128 visible ASCII characters.").field(HEADER).toException();
        }
        long userId = caller.get().id();
        String hash = hash(request.getMethod() + " " + request.getRequestURI() + "\n" + canonical(body));
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            try {
                keys.claim(userId, key, hash);
                return firstRun(userId, key, action);
            } catch (RuntimeException claimed) {
                if (!Failures.isDuplicateKey(claimed)) {
                    throw claimed;
                }
            }
            Optional<IdempotencyKeys.Known> known = keys.find(userId, key);
            if (known.isPresent()) {
                if (!known.get().requestHash().equals(hash)) {
                    throw Problem.of(422, "This Idempotency-Key was already used for a different request.")
                            .type("idempotency-key-reused").field(HEADER).toException();
                }
                if (known.get().status() != null) {
                    return replay(known.get());
                }
                keys.takeOver(userId, key, ABANDONED_AFTER);
            }
            if (System.nanoTime() > deadline) {
                throw Problem.conflict("A request with this Idempotency-Key is still being processed. Retry shortly.")
                        .type("idempotency-in-progress").header("Retry-After", "1").toException();
            }
            pause();
        }
    }

    private Response firstRun(long userId, String key, Supplier<Response> action) {
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException failure) {
            Problem problem = failure instanceof ProblemException known ? known.problem() : Failures.toProblem(failure, true);
            if (problem.status() >= 500) {
                keys.release(userId, key);
                throw failure;
            }
            response = problem.toResponse(request.getRequestURI(), RequestGate.correlationId(request));
        }
        if (response.getStatus() >= 500) {
            keys.release(userId, key);
            return response;
        }
        keys.complete(userId, key, response.getStatus(), bodyOf(response));
        return response;
    }

    private static Response replay(IdempotencyKeys.Known known) {
        String type = known.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        return Response.status(known.status()).type(type).entity(known.body()).header("Idempotent-Replayed", "true").build();
    }

    private static String bodyOf(Response response) {
        Object entity = response.getEntity();
        return entity == null ? null : entity instanceof String text ? text : JsonConfig.JSONB.toJson(entity);
    }

    /** The same JSON with other white space is the same request. */
    private static String canonical(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue().toString();
        } catch (JsonException notJson) {
            return body;
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waiting for another request's answer: a short pause between looks at the database. */
    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw Problem.of(503, "Interrupted while waiting.").header("Retry-After", "1").toException();
        }
    }
}
