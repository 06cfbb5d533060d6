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
 * The offset can only be changed through {@link ClockControlResource}, which is off unless configured.
 */
@ApplicationScoped
public class ServerClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    /** Microseconds, like the DATETIME(6) columns: a time the API returns equals the time it stored. */
    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    Duration offset() {
        return offset;
    }

    void offset(Duration offset) {
        this.offset = offset;
    }
}
