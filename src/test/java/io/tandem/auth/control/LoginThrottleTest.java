package io.tandem.auth.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void fourFailuresDoNotBlock_theFifthBlocksForTheBaseDelay() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("bob", T0);
        }
        assertTrue(throttle.blockedFor("bob", T0).isEmpty());
        throttle.recordFailure("bob", T0);
        assertEquals(Duration.ofSeconds(30), throttle.blockedFor("bob", T0).orElseThrow());
        assertEquals(Duration.ofSeconds(10), throttle.blockedFor("bob", T0.plusSeconds(20)).orElseThrow());
        assertTrue(throttle.blockedFor("bob", T0.plusSeconds(30)).isEmpty());
    }

    @Test
    void eachFurtherFailureDoublesTheBlock() {
        for (int i = 0; i < 7; i++) {
            throttle.recordFailure("bob", T0);
        }
        assertEquals(Duration.ofSeconds(120), throttle.blockedFor("bob", T0).orElseThrow());
    }

    @Test
    void successClearsTheKey_andKeysAreIndependent() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("bob", T0);
        }
        assertTrue(throttle.blockedFor("alice", T0).isEmpty());
        throttle.recordSuccess("bob");
        assertTrue(throttle.blockedFor("bob", T0).isEmpty());
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("bob", T0);
        }
        throttle.recordFailure("bob", T0.plus(Duration.ofMinutes(16)));
        assertTrue(throttle.blockedFor("bob", T0.plus(Duration.ofMinutes(16))).isEmpty());
    }
}
