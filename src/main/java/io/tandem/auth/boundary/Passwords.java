package io.tandem.auth.boundary;

import io.tandem.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;

/** Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt); the hash records its parameters. */
@ApplicationScoped
public class Passwords {

    /** Longer is refused before hashing: PBKDF2 cost grows with the input. */
    public static final int MAX_LENGTH = 1024;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "tandem.auth.password-iterations")
    int iterations;

    @Inject
    @ConfigProperty(name = "tandem.auth.password-min-length")
    int minLength;

    /** Verified against when a username is unknown, so a wrong username costs as much time as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash) && storedHash != null;
    }

    /** The one rule for a new password, wherever it is set: 400 naming {@code field} when it is too short or long. */
    public String requireAcceptable(String field, String password) {
        if (password == null || password.length() < minLength) {
            throw Problem.badRequest(field + " must be at least " + minLength + " characters long.").field(field).toException();
        }
        if (password.length() > MAX_LENGTH) {
            throw Problem.badRequest(field + " must be at most " + MAX_LENGTH + " characters long.").field(field).toException();
        }
        return password;
    }
}
