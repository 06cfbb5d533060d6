package io.tandem.auth.boundary;

import io.tandem.auth.control.LoginThrottle;
import io.tandem.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The node's two login throttles: one per username, a more lenient one per client address. Every check of a
 * password a client sends (sign-in, password change) counts here, so neither is a faster way to guess.
 */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.address-max-failures")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.window")
    Duration window;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.base-delay")
    Duration baseDelay;

    @Inject
    @ConfigProperty(name = "tandem.auth.throttle.max-delay")
    Duration maxDelay;

    private LoginThrottle byUsername;
    private LoginThrottle byAddress;

    @PostConstruct
    void init() {
        byUsername = new LoginThrottle(maxFailures, window, baseDelay, maxDelay);
        byAddress = new LoginThrottle(addressMaxFailures, window, baseDelay, maxDelay);
    }

    /** 429 with Retry-After while the username or the address is blocked. */
    public void refuseWhileBlocked(String userKey, String address, Instant now) {
        byUsername.blockedFor(userKey, now)
                .or(() -> byAddress.blockedFor(address, now))
                .ifPresent(wait -> {
                    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
                    throw Problem.of(429, "Too many failed sign-in attempts. Try again in " + seconds + " seconds.")
                            .type("login-throttled")
                            .header("Retry-After", Long.toString(seconds))
                            .with("retry_after_seconds", seconds)
                            .toException();
                });
    }

    /** A wrong password, at sign-in or when proving the current one to change it. */
    public void recordFailure(String userKey, String address, Instant now) {
        byUsername.recordFailure(userKey, now);
        byAddress.recordFailure(address, now);
    }

    public void recordSuccess(String userKey) {
        byUsername.recordSuccess(userKey);
    }
}
