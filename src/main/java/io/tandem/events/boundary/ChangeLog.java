package io.tandem.events.boundary;

import io.tandem.events.entity.ChangeEvent;
import io.tandem.platform.counter.Counters;
import io.tandem.platform.json.JsonConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The durable, ordered change log behind the live stream. {@link #record} joins the caller's transaction, so an
 * event exists exactly when its change was committed, on whichever node made it, and its id follows commit order
 * (see {@link #record}).
 */
@Stateless
@PermitAll
public class ChangeLog {

    static final String PURGED_THROUGH = "change_event_purged_through";
    static final String IDS = "change_event_id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Counters counters;

    /**
     * Writes an event in the caller's transaction. Its id comes from a counter row that this transaction keeps
     * locked until it ends, so ids follow commit order without holes (an AUTO_INCREMENT id is taken at insert:
     * a later id could commit first, and a rollback left a hole no reader could tell from a slow commit). The
     * price is that event-writing transactions commit one after another from here on, so everything else the
     * transaction writes is flushed first — its row locks are taken before the counter's, never while holding
     * it — and callers record their events last.
     */
    public void record(String type, String subjectType, String subjectId, Long version, Long userId, String username,
                       Map<String, Object> details) {
        em.flush();
        em.persist(new ChangeEvent(counters.nextInCommitOrder(IDS), type, subjectType, subjectId, version, userId, username,
                details == null ? null : JsonConfig.JSONB.toJson(details), clock.instant()));
    }

    /** Rows after {@code cursor}, in id order (the stream decides how many it may deliver). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ChangeEvent> after(long cursor, int limit) {
        return em.createQuery("SELECT e FROM ChangeEvent e WHERE e.id > :cursor ORDER BY e.id", ChangeEvent.class)
                .setParameter("cursor", cursor).setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long latestId() {
        Number max = (Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM change_event").getSingleResult();
        return Math.max(max.longValue(), purgedThrough());
    }

    /** Every id up to this one has been purged: a client that last saw an older id must reload. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long purgedThrough() {
        return ((Number) em.createNativeQuery("SELECT next_value FROM counter WHERE name = ?")
                .setParameter(1, PURGED_THROUGH).getSingleResult()).longValue();
    }

    /** Deletes entries older than {@code before}; remembers how far, so stale cursors get a reset. */
    public int purgeBefore(Instant before) {
        Number last = (Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM change_event WHERE created_at < ?")
                .setParameter(1, Timestamp.from(before)).getSingleResult();
        if (last.longValue() == 0) {
            return 0;
        }
        em.createNativeQuery("UPDATE counter SET next_value = GREATEST(next_value, ?) WHERE name = ?")
                .setParameter(1, last.longValue()).setParameter(2, PURGED_THROUGH).executeUpdate();
        return em.createNativeQuery("DELETE FROM change_event WHERE id <= ?").setParameter(1, last.longValue()).executeUpdate();
    }
}
