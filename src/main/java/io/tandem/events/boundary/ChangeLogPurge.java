package io.tandem.events.boundary;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/** Every five minutes: drops change-log entries older than {@code tandem.events.retention} and spent tickets. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ChangeLogPurge {

    @Inject
    ChangeLog log;

    @Inject
    StreamTickets tickets;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.events.retention", defaultValue = "PT24H")
    Duration retention;

    // Non-persistent and idempotent: any node may run it; streams behind the purge get a reset event.
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void purge() {
        Chores.run("change_log_purge", () -> log.purgeBefore(clock.instant().minus(retention)));
        Chores.run("stream_ticket_purge", tickets::purge);
    }
}
