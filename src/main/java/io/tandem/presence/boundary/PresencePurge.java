package io.tandem.presence.boundary;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Every minute, forgets presence stamps outside the window, so the table stays as small as the active crowd. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class PresencePurge {

    @Inject
    Presence presence;

    // Non-persistent and idempotent: every node may run it; a missed run only leaves rows the query ignores anyway.
    @Schedule(hour = "*", minute = "*", persistent = false)
    public void purge() {
        Chores.run("presence_purge", presence::purgeStale);
    }
}
