package io.tandem.auth.boundary;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Every hour, forgets sign-ins that ended longer than {@code tandem.auth.purge-after} (default 30 days) ago. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SignInPurge {

    private static final Logger LOG = Logger.getLogger(SignInPurge.class.getName());

    @Inject
    SignIns signIns;

    // Non-persistent and idempotent: every node may run it; a missed run only keeps dead rows a little longer.
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purge() {
        Chores.run("sign_in_purge", () -> {
            int purged = Chores.drain(signIns::purgeEnded);
            LOG.fine(() -> "sign_in_purge purged=" + purged);
        });
    }
}
