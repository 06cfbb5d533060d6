package io.tandem.racks.boundary;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Every hour, forgets sync replay records older than {@code tandem.sync.retention} (default 30 days). */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncRecordPurge {

    private static final Logger LOG = Logger.getLogger(SyncRecordPurge.class.getName());

    @Inject
    AuditSync sync;

    // Non-persistent and idempotent: every node may run it; a missed run only keeps old records a little longer.
    @Schedule(hour = "*", minute = "41", persistent = false)
    public void purge() {
        Chores.run("sync_record_purge", () -> {
            int purged = Chores.drain(sync::purgeReplayRecords);
            LOG.fine(() -> "sync_record_purge purged=" + purged);
        });
    }
}
