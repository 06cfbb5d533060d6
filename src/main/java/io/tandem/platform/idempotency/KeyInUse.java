package io.tandem.platform.idempotency;

import jakarta.ejb.ApplicationException;

/**
 * Another request with the same key holds it: its transaction is still running, or it just committed its answer.
 * Rolls back the attempt (nothing ran yet); {@link Idempotency} looks again.
 */
@ApplicationException(rollback = true)
public final class KeyInUse extends RuntimeException {

    KeyInUse() {
        super("The Idempotency-Key is held by another request.", null, false, false);
    }
}
