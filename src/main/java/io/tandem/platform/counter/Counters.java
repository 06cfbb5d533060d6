package io.tandem.platform.counter;

import io.tandem.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Named counters that never hand out a number twice, on any number of nodes: the UPDATE takes the row lock, so
 * concurrent callers queue, and each reads the value its own increment produced. {@link #next} runs in a short
 * transaction of its own: a number whose order then fails is skipped, never reused.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class Counters {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long next(String name) {
        return increment(name);
    }

    /**
     * The next number of a counter whose numbers must follow commit order without holes (the change log). It is
     * taken in the caller's transaction, which keeps the row locked until it ends: the next caller waits until
     * this one has committed (so the numbers become visible in order) or rolled back (which gives the number
     * back to that next caller).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long nextInCommitOrder(String name) {
        return increment(name);
    }

    private long increment(String name) {
        int updated = em.createNativeQuery("UPDATE counter SET next_value = next_value + 1 WHERE name = ?")
                .setParameter(1, name).executeUpdate();
        if (updated == 0) {
            throw new IllegalStateException("No counter named " + name);
        }
        Number value = (Number) em.createNativeQuery("SELECT next_value FROM counter WHERE name = ?")
                .setParameter(1, name).getSingleResult();
        return value.longValue() - 1;
    }
}
