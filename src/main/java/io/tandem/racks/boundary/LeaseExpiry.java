package io.tandem.racks.boundary;

import io.tandem.platform.timers.Chores;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Every ten seconds, ends sessions whose rack lease lapsed, so racks show as available again. */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class LeaseExpiry {

    @Inject
    RackClaims claims;

    // Non-persistent and idempotent; correctness never waits for it (a lapsed lease is free at claim time).
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void expire() {
        Chores.run("lease_expiry", claims::expireLapsed);
    }
}
