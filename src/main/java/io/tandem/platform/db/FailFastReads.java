package io.tandem.platform.db;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for a communication error, waiting 5 s between attempts: with the
 * database down, every request then waited 10 s for its 503. Tandem answers at once instead, with Retry-After,
 * and lets the client (which knows whether a retry still makes sense) come back.
 */
public class FailFastReads implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
