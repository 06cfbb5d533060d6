package io.tandem.platform.versioning;

import io.tandem.events.boundary.ChangeLog;
import io.tandem.platform.json.JsonConfig;
import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.listing.Listing;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one path by which versioned entities are created, changed and deleted. A change locks the row, compares
 * the client's version with the stored one explicitly (JPA ignores a version copied onto a managed entity),
 * applies the change, and — only if some field really changed — stamps who and when, lets {@code @Version}
 * move, and writes a {@link Revision} in the same transaction. It never retries and never overwrites blindly.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class VersionedStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Inject
    VersionConflicts conflicts;

    @Inject
    ChangeLog changes;

    public <T extends Versioned> T find(Class<T> type, long id) {
        T entity = em.find(type, id);
        if (entity == null) {
            throw Problem.notFound("There is no " + Versioned.nounOf(type) + " " + id + ".").toException();
        }
        return entity;
    }

    /** An entity a request field refers to: a 400 naming the field when it does not exist. */
    public <T extends Versioned> T reference(Class<T> type, Long id, String field) {
        T entity = id == null ? null : em.find(type, id);
        if (entity == null) {
            throw Problem.badRequest(field + " must name an existing " + Versioned.nounOf(type) + ".").field(field).toException();
        }
        return entity;
    }

    /**
     * One page of the entities whose attributes equal {@code scope} (e.g. a project's zones), sorted and searched as
     * the client asked, with how many match in all: both read in one transaction, so the total fits the page.
     */
    public <T extends Versioned> Listing.Found<T> list(Class<T> type, Map<String, Object> scope, ListQuery query,
                                                       int offset, int limit) {
        return Listing.find(em, type, scope, query, offset, limit);
    }

    /** One page of the entities whose {@code attribute} equals {@code value}, by id. */
    public <T extends Versioned> List<T> pageWhere(Class<T> type, String attribute, Object value, int offset, int limit) {
        return em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e." + attribute + " = :value ORDER BY e.id", type)
                .setParameter("value", value).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Whether another entity of the type already has these attribute values (e.g. a name taken in a fabric). */
    public boolean exists(Class<? extends Versioned> type, Long exceptId, Map<String, Object> attributes) {
        StringBuilder jpql = new StringBuilder("SELECT COUNT(e) FROM " + type.getSimpleName() + " e WHERE e.id <> :except");
        attributes.keySet().forEach(name -> jpql.append(" AND e.").append(name).append(" = :").append(name));
        var query = em.createQuery(jpql.toString(), Long.class).setParameter("except", exceptId == null ? -1L : exceptId);
        attributes.forEach(query::setParameter);
        return query.getSingleResult() > 0;
    }

    public <T extends Versioned> T create(T entity) {
        stamp(entity);
        em.persist(entity);
        em.flush();
        writeRevision(entity, "CREATE", FieldChanges.between(Json.createObjectBuilder().build(), stateOf(entity)));
        return entity;
    }

    /** {@link #create} in a transaction of its own: one item of a bulk save that must not take the others down. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T extends Versioned> T createAlone(T entity) {
        return create(entity);
    }

    public <T extends Versioned> T update(Class<T> type, long id, ExpectedVersion expected, Consumer<? super T> change) {
        return change(lockedForChange(type, id, expected), change);
    }

    private <T extends Versioned> T change(T entity, Consumer<? super T> change) {
        JsonObject before = stateOf(entity);
        change.accept(entity);
        List<FieldChanges.Change> changes = FieldChanges.between(before, stateOf(entity));
        if (changes.isEmpty()) {
            return entity;
        }
        stamp(entity);
        em.flush();
        writeRevision(entity, "UPDATE", changes);
        return entity;
    }

    /**
     * A change decided by the server rather than based on a client's copy (an import of the storage system's
     * own inventory): locked, versioned, a no-op when nothing differs, and recorded like any update.
     */
    public <T extends Versioned> T updateCurrent(Class<T> type, long id, Consumer<? super T> change) {
        T entity = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw Problem.notFound("There is no " + Versioned.nounOf(type) + " " + id + ".").toException();
        }
        return change(entity, change);
    }

    /** {@link #update} in a transaction of its own, for bulk saves. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T extends Versioned> T updateAlone(Class<T> type, long id, ExpectedVersion expected, Consumer<? super T> change) {
        return update(type, id, expected, change);
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public <T extends Versioned> void delete(Class<T> type, long id, ExpectedVersion expected) {
        T entity = lockedForChange(type, id, expected);
        List<FieldChanges.Change> removed = FieldChanges.between(stateOf(entity), Json.createObjectBuilder().build());
        // Remove first: if a reference still holds the row, the delete fails before the revision and the
        // change-log entry take an id (a rolled-back insert would leave a hole the live stream has to wait out).
        em.remove(entity);
        em.flush();
        writeRevisionAt(entity, entity.getVersion() + 1, "DELETE", removed);
    }

    /** Newest first; still readable after the entity was deleted. */
    public List<RevisionView> history(Class<? extends Versioned> type, long id, int offset, int limit) {
        return em.createQuery("SELECT r FROM Revision r WHERE r.entityType = :type AND r.entityId = :id"
                        + " ORDER BY r.version DESC, r.id DESC", Revision.class)
                .setParameter("type", Versioned.typeOf(type)).setParameter("id", id)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(RevisionView::of).toList();
    }

    public long historySize(Class<? extends Versioned> type, long id) {
        return em.createQuery("SELECT COUNT(r) FROM Revision r WHERE r.entityType = :type AND r.entityId = :id", Long.class)
                .setParameter("type", Versioned.typeOf(type)).setParameter("id", id).getSingleResult();
    }

    /**
     * The entity, row-locked so concurrent writers queue instead of racing to the UPDATE, and checked against
     * the client's version; a stale version is a conflict with the current state.
     */
    private <T extends Versioned> T lockedForChange(Class<T> type, long id, ExpectedVersion expected) {
        T entity = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw Problem.notFound("There is no " + Versioned.nounOf(type) + " " + id + ".").toException();
        }
        if (entity.getVersion() != expected.version()) {
            throw conflicts.conflict(em, entity, expected, caller.find().map(Caller::id).orElse(null));
        }
        return entity;
    }

    private void stamp(Versioned entity) {
        Caller who = caller.find().orElse(null);
        entity.stamp(clock.instant(), who == null ? null : who.id(), who == null ? null : who.username());
    }

    private void writeRevision(Versioned entity, String action, List<FieldChanges.Change> changes) {
        writeRevisionAt(entity, entity.getVersion(), action, changes);
    }

    private void writeRevisionAt(Versioned entity, long version, String action, List<FieldChanges.Change> changes) {
        Caller who = caller.find().orElse(null);
        em.persist(new Revision(entity.entityType(), entity.getId(), version, action,
                who == null ? null : who.id(), who == null ? null : who.username(), clock.instant(),
                FieldChanges.toJson(changes).toString()));
        this.changes.record("DELETE".equals(action) ? "entity.deleted" : "entity.changed", entity.entityType(),
                String.valueOf(entity.getId()), version, who == null ? null : who.id(), who == null ? null : who.username(),
                Map.of("action", action, "fields", changes.stream().map(FieldChanges.Change::field).toList()));
    }

    /** The entity as the API shows it. */
    public static JsonObject stateOf(Versioned entity) {
        return JsonConfig.toJsonValue(entity).asJsonObject();
    }
}
