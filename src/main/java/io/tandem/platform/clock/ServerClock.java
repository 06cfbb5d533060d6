package io.tandem.platform.clock;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the application (UTC). Everything that depends on time (tokens, leases, presence windows,
 * throttling) injects {@link Clock} and gets this bean, so tests move time instead of sleeping.
 * <p>
 * It can only be moved through {@link ClockControlResource}, which is off unless configured. A moved clock
 * stands still (at the moment it was first moved, plus the offset), so a test's margins never depend on how
 * fast the machine runs; resetting it lets it run with real time again.
 */
@ApplicationScoped
public class ServerClock extends Clock {

    /** Null while the clock runs; the instant it was first moved at otherwise. */
    private volatile Instant base;
    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Microseconds, like the DATETIME(6) columns: a time the API returns equals the time it stored. */
    @Override
    public Instant instant() {
        Instant frozen = base;
        return frozen == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : frozen.plus(offset);
    }

    Duration offset() {
        return offset;
    }

    boolean frozen() {
        return base != null;
    }

    synchronized void offset(Duration offset) {
        if (base == null) {
            base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        this.offset = offset;
    }

    synchronized void reset() {
        base = null;
        offset = Duration.ZERO;
    }
}
