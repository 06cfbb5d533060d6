package io.tandem.platform.counter;

import io.tandem.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Named counters that never hand out a number twice, on any number of nodes: the UPDATE takes the row lock, so
 * concurrent callers queue, and each reads the value its own increment produced. A counter is used in a short
 * transaction of its own; a number whose order then fails is skipped, never reused.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class Counters {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long next(String name) {
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
