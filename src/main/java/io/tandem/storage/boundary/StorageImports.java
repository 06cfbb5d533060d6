package io.tandem.storage.boundary;

import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.versioning.Versioned;
import io.tandem.platform.versioning.VersionedStore;
import io.tandem.storage.entity.Host;
import io.tandem.storage.entity.StorageSystem;
import io.tandem.storage.entity.Volume;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Imports a storage system's hosts and volumes (e.g. from Storage Insights). Idempotent on the external ids:
 * a host or volume seen before is updated through the versioning mechanism, so re-importing the same document
 * changes nothing and bumps no version. All or nothing: one invalid item rejects the import.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class StorageImports {

    @PersistenceContext
    EntityManager em;

    @Inject
    VersionedStore store;

    public record Document(List<Host.Fields> hosts, List<Volume.Fields> volumes) {
    }

    public record Counts(int created, int updated, int unchanged) {
    }

    public record Summary(long storageId, Counts hosts, Counts volumes) {
    }

    public Summary importInventory(long storageId, Document document) {
        lockInventory(storageId);
        Counts hosts = upsert(Host.class, storageId, document.hosts(), Host.Fields::externalId,
                (id, fields) -> new Host(id, fields), Host::apply);
        Counts volumes = upsert(Volume.class, storageId, document.volumes(), Volume.Fields::externalId,
                (id, fields) -> new Volume(id, fields), Volume::apply);
        return new Summary(storageId, hosts, volumes);
    }

    private <T extends Versioned, F> Counts upsert(Class<T> type, long storageId, List<F> items,
                                                   Function<F, String> externalId, BiFunction<Long, F, T> create,
                                                   java.util.function.BiConsumer<T, F> apply) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        for (F fields : items == null ? List.<F>of() : items) {
            String key = externalId.apply(fields);
            if (key == null || key.isBlank()) {
                throw Problem.badRequest("Every " + Versioned.nounOf(type) + " needs an external_id.").field("external_id").toException();
            }
            if (!seen.add(key.trim())) {
                throw Problem.badRequest("external_id " + key + " appears twice in the document.").field("external_id").toException();
            }
            List<T> existing = em.createQuery("SELECT e FROM " + type.getSimpleName()
                            + " e WHERE e.storageId = :storage AND e.externalId = :external", type)
                    .setParameter("storage", storageId).setParameter("external", key.trim()).getResultList();
            if (existing.isEmpty()) {
                store.create(create.apply(storageId, fields));
                created++;
            } else {
                long before = existing.get(0).getVersion();
                T after = store.updateCurrent(type, existing.get(0).getId(), entity -> apply.accept(entity, fields));
                if (after.getVersion() == before) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
        }
        return new Counts(created, updated, unchanged);
    }

    /**
     * Locks the storage system (imports of one system queue) and every host and volume it has, in id order, before
     * the first change-log entry: from that entry to the commit the change log's lock is held, and a row lock
     * waited for then (say, a concurrent PUT on a host) would make every other writer of events wait too.
     */
    private void lockInventory(long storageId) {
        if (em.find(StorageSystem.class, storageId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw Problem.notFound("There is no " + Versioned.nounOf(StorageSystem.class) + " " + storageId + ".").toException();
        }
        for (Class<? extends Versioned> type : List.of(Host.class, Volume.class)) {
            em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.storageId = :storage ORDER BY e.id", type)
                    .setParameter("storage", storageId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
    }

    public List<Host> hosts(long storageId) {
        return store.pageWhere(Host.class, "storageId", storageId, 0, 10_000);
    }

    public List<Volume> volumes(long storageId) {
        return store.pageWhere(Volume.class, "storageId", storageId, 0, 10_000);
    }

}
