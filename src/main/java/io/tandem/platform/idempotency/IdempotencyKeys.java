package io.tandem.platform.idempotency;

import io.tandem.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The database side of idempotency keys, each step in a short transaction of its own. Claiming a key is an
 * INSERT on its primary key, so of any number of concurrent requests with one key exactly one proceeds.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What is known of a key: nothing yet (this caller claimed it), in progress, or answered. */
    public record Known(String requestHash, Integer status, String body, Instant createdAt) {
    }

    /** Claims the key for this request; fails with a duplicate-key error when another request holds it. */
    public void claim(long userId, String key, String requestHash) {
        em.persist(new IdempotencyRecord(userId, key, requestHash, clock.instant()));
        em.flush();
    }

    public Optional<Known> find(long userId, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(userId, key));
        return Optional.ofNullable(record).map(r -> new Known(r.requestHash(), r.status(), r.responseBody(), r.createdAt()));
    }

    public void complete(long userId, String key, int status, String body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(userId, key));
        if (record != null) {
            record.complete(status, body);
        }
    }

    /** Frees a key whose request failed in a way worth retrying (5xx), so the retry runs for real. */
    public void release(long userId, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(userId, key));
        if (record != null && record.status() == null) {
            em.remove(record);
        }
    }

    /** Takes over a key whose first request never finished (its node died): only if still unanswered and old. */
    public boolean takeOver(long userId, String key, Duration abandonedAfter) {
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.userId = :user AND r.idempotencyKey = :key"
                        + " AND r.status IS NULL AND r.createdAt < :before")
                .setParameter("user", userId).setParameter("key", key)
                .setParameter("before", clock.instant().minus(abandonedAfter)).executeUpdate() == 1;
    }

    /** Called by the purge timer, which runs without a caller. */
    @PermitAll
    public int purgeOlderThan(Instant before) {
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
