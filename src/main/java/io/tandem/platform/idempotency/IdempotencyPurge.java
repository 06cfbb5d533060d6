package io.tandem.platform.idempotency;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/** Forgets idempotency keys older than {@code tandem.idempotency.retention} (default 24 h), every hour. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());

    @Inject
    IdempotencyKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    // Non-persistent: each node purges on its own; the DELETE is idempotent, so overlapping runs are harmless.
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void purge() {
        Chores.run("idempotency_purge", () -> {
            int purged = keys.purgeOlderThan(clock.instant().minus(retention));
            LOG.fine(() -> "idempotency_purge purged=" + purged);
        });
    }
}
