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
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (!Failures.isLockContention(failure)) {
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
