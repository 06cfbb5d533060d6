package io.tandem.platform.timers;

import java.util.logging.Logger;

/**
 * Runs the work of an EJB timer (purges, lease expiry) so that a failure — the database is down, say — is one log
 * line and the timer simply tries again at its next tick. Left to the container, a failing timeout is redelivered
 * and then dropped ("EJB5119: Expunging timer"), and the timer never fires again until the next restart. Timer
 * beans using this manage their own transactions ({@code TransactionManagementType.BEAN}, i.e. none for the
 * callback): the work runs in the transactions of the services it calls, which roll back on their own. (A
 * method-level NOT_SUPPORTED was not honoured for @Schedule callbacks on Payara 6.)
 */
public final class Chores {

    private static final Logger LOG = Logger.getLogger(Chores.class.getName());

    private Chores() {
    }

    public static void run(String chore, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            LOG.warning(() -> "chore_failed chore=" + chore + " cause=" + failure.getClass().getName()
                    + " (tried again at the next tick)");
        }
    }
}
