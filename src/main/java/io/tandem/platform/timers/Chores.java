package io.tandem.platform.timers;

import io.tandem.platform.problem.Failures;

import java.util.function.IntSupplier;
import java.util.logging.Level;
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

    /** Rows a purge deletes per transaction: a backlog is worked off in short transactions, never one long DELETE. */
    public static final int BATCH = 1000;

    /** Runs {@code batch} (one transaction deleting at most {@link #BATCH} rows) until it deletes fewer; the total. */
    public static int drain(IntSupplier batch) {
        int total = 0;
        for (int deleted = BATCH; deleted >= BATCH; total += deleted) {
            deleted = batch.getAsInt();
        }
        return total;
    }

    public static void run(String chore, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            // An unavailable or busy database is one line; anything else is a bug and gets its stack trace.
            if (Failures.toProblem(failure, false).status() == 503) {
                LOG.warning(() -> "chore_failed chore=" + chore + " cause=database-unavailable (tried again at the next tick)");
            } else {
                LOG.log(Level.SEVERE, "chore_failed chore=" + chore + " (tried again at the next tick)", failure);
            }
        }
    }
}
