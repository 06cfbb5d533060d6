package io.tandem.platform.versioning;

import io.tandem.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.SortedMap;

/**
 * Version conflicts per entity type, counted in the database so that every node answers the admin screen alike.
 * One row per type, added to by an upsert (the first conflict of a type may happen on two nodes at once).
 */
@Stateless
public class ConflictCounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Adds what a request met. A transaction of its own, never the request's (that one rolled back with the
     * conflict); types in name order, so two requests adding to the same rows lock them in the same order.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(SortedMap<String, Long> conflicts) {
        Timestamp now = Timestamp.from(clock.instant());
        conflicts.forEach((entityType, count) -> em.createNativeQuery("INSERT INTO version_conflict_count"
                        + " (entity_type, conflicts, last_conflict_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE conflicts = conflicts + ?, last_conflict_at = ?")
                .setParameter(1, entityType).setParameter(2, count).setParameter(3, now)
                .setParameter(4, count).setParameter(5, now).executeUpdate());
    }

    /** Every entity type that has met a conflict, the most conflicted first. */
    @RolesAllowed(Roles.ADMIN)
    public List<ConflictCount> all() {
        return em.createQuery("SELECT c FROM ConflictCount c ORDER BY c.count DESC, c.entityType", ConflictCount.class)
                .getResultList();
    }
}
