package io.tandem.auth.control;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's properties; a class of their own, so jqwik's report does not overwrite LoginThrottleTest's. */
class LoginThrottleProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void theBlockNeverExceedsTheCap(@ForAll @IntRange(min = 5, max = 200) int failures) {
        LoginThrottle fresh = new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
        for (int i = 0; i < failures; i++) {
            fresh.recordFailure("k", T0);
        }
        Duration blocked = fresh.blockedFor("k", T0).orElseThrow();
        assertTrue(blocked.compareTo(Duration.ofSeconds(30)) >= 0 && blocked.compareTo(Duration.ofMinutes(15)) <= 0);
    }
}
