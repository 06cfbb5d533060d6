package io.tandem.platform.idempotency;

import io.tandem.platform.problem.LockContention;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.CurrentCaller;
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
 * answer. The key, the effect and the stored answer commit in one transaction ({@link IdempotencyKeys#firstRun}):
 * an answer exists exactly when its effect does, so a refused request (a problem) or a server fault leaves no key
 * behind and its retry runs for real. Any resource wraps a POST in {@link #run}, which is also the POST's transaction, with or
 * without a key: a lock-wait timeout or deadlock rolls all of it back, and {@link LockContention} runs it again.
 */
@RequestScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);

    @Inject
    IdempotencyKeys keys;

    @Inject
    CurrentCaller caller;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "tandem.idempotency.enabled", defaultValue = "true")
    boolean enabled;

    /**
     * Runs {@code action} as one transaction (the services it calls join it), honouring the key if one was sent.
     * The action may run more than once (after a lock-contention rollback), so it must do nothing outside it.
     */
    public Response run(String key, String body, Supplier<Response> action) {
        // Paths answer with and without a trailing slash: a retry may use either form and is the same request.
        String operation = request.getMethod() + " " + request.getRequestURI().replaceAll("(?<=.)/+$", "");
        if (key == null || !enabled) {
            return LockContention.retry(operation, () -> keys.run(action));
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Problem.badRequest("Idempotency-Key must be 1-128 visible ASCII characters.").field(HEADER).toException();
        }
        long userId = caller.get().id();
        String hash = hash(operation + "\n" + canonical(body));
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<IdempotencyKeys.Known> known = keys.find(userId, key);
            if (known.isPresent() && !known.get().requestHash().equals(hash)) {
                throw Problem.of(422, "This Idempotency-Key was already used for a different request.")
                        .type("idempotency-key-reused").field(HEADER).toException();
            }
            if (known.isPresent() && known.get().status() != null) {
                return replay(known.get());
            }
            if (known.isEmpty()) {
                try {
                    return LockContention.retry(operation, () -> keys.firstRun(userId, key, hash, action));
                } catch (KeyInUse inUse) {
                    // Another request with this key committed its answer meanwhile, or is still running: look again.
                }
            }
            if (System.nanoTime() > deadline) {
                throw Problem.conflict("A request with this Idempotency-Key is still being processed. Retry shortly.")
                        .type("idempotency-in-progress").header("Retry-After", "1").toException();
            }
            pause();
        }
    }

    private static Response replay(IdempotencyKeys.Known known) {
        String type = known.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        return Response.status(known.status()).type(type).entity(known.body()).header("Idempotent-Replayed", "true").build();
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
