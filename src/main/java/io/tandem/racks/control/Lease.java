package io.tandem.racks.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Lease arithmetic for rack claims, by the server's clock only. A working lease lasts {@code ttl} from the last
 * heartbeat; a paused one lasts the session TTL from the pause. Lapsed means free: whoever claims next wins.
 */
public final class Lease {

    private Lease() {
    }

    public static Instant expiry(Instant from, boolean paused, Duration leaseTtl, Duration sessionTtl) {
        return from.plus(paused ? sessionTtl : leaseTtl);
    }

    public static boolean live(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whole seconds left, never negative: what {@code lock_ttl_remaining} reports. */
    public static long secondsLeft(Instant expiresAt, Instant now) {
        long millis = Duration.between(now, expiresAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
