package io.tandem.platform.problem;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a whole transaction again when the database aborted it for a lock-wait timeout or a deadlock (InnoDB
 * 1205/1213, H2 HYT00): such an abort rolled everything back, so a retry is safe. Only for work whose every call
 * starts its own transaction (call from outside one). After the last attempt: 503 with Retry-After, never a 500.
 */
public final class LockContention {

    private static final Logger LOG = Logger.getLogger(LockContention.class.getName());
    public static final int ATTEMPTS = 3;

    private LockContention() {
    }

    public static <T> T retry(String what, Supplier<T> transaction) {
        return retry(what, transaction, false);
    }

    /**
     * {@link #retry}, and also when a unique key refused the transaction: for work that creates a row the first
     * time it is needed (a user's presence stamp, their working context). Two first requests of one user — two
     * tabs, or the heartbeat and the context read that a fresh sign-in sends together — both find no row and
     * both insert; the loser's whole transaction rolls back and its next attempt finds the winner's row.
     */
    public static <T> T retryFirstUse(String what, Supplier<T> transaction) {
        return retry(what, transaction, true);
    }

    private static <T> T retry(String what, Supplier<T> transaction, boolean orDuplicate) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (!Failures.isLockContention(failure) && !(orDuplicate && Failures.isDuplicateKey(failure))) {
                    throw failure;
                }
                int tried = attempt;
                LOG.info(() -> "lock_contention operation=" + what + " attempt=" + tried);
                if (attempt == ATTEMPTS) {
                    throw Problem.of(503, "The data is busy with other requests. Please retry.")
                            .type("busy").header("Retry-After", "1").toException();
                }
            }
        }
    }
}
