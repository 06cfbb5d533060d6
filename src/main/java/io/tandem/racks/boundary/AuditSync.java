package io.tandem.racks.boundary;

import io.tandem.platform.timers.Chores;
import io.tandem.platform.Roles;
import io.tandem.platform.json.JsonConfig;
import io.tandem.platform.problem.Failures;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.ProblemException;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.racks.entity.AuditItem;
import io.tandem.racks.entity.AuditSession;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 002's batch sync of records captured offline. Each record is applied in a transaction of its own and its
 * outcome stored under its {@code client_record_id} in the same transaction, so replaying a batch after any
 * failure writes nothing twice and ends in the same state: accepted, duplicate (the first outcome again),
 * conflict (the server has a newer copy of that item; it is returned) or rejected (invalid, or lease_lost).
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class AuditSync {

    public static final Set<String> STATUSES = Set.of("pending", "verified", "damaged", "finalized");

    @PersistenceContext
    EntityManager em;

    @Inject
    RackClaims claims;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "tandem.sync.retention", defaultValue = "P30D")
    Duration retention;

    public record SyncRecord(String clientRecordId, String sessionId, String itemCode, Integer verifiedQty, Integer damageQty,
                             List<String> serialNumbers, String status, Instant createdAt, Instant updatedAt, Long fencingToken) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Map<String, Object>> sync(List<SyncRecord> records, Long batchFencingToken) {
        AuditSync self = context.getBusinessObject(AuditSync.class);
        List<Map<String, Object>> results = new ArrayList<>();
        for (SyncRecord record : records) {
            String invalid = invalidity(record);
            if (invalid != null) {
                results.add(result(record == null ? null : record.clientRecordId(), "rejected", invalid, null));
                continue;
            }
            Long token = record.fencingToken() != null ? record.fencingToken() : batchFencingToken;
            try {
                results.add(self.applyOne(record, token));
            } catch (ProblemException refused) {
                Object reason = refused.problem().members().getOrDefault("reason", refused.problem().detail());
                results.add(result(record.clientRecordId(), "rejected", String.valueOf(reason), null));
            } catch (RuntimeException failure) {
                if (!Failures.isDuplicateKey(failure)) {
                    throw failure;
                }
                // A concurrent replay stored this record first: answer with its outcome.
                results.add(self.replayed(record.clientRecordId()));
            }
        }
        return results;
    }

    /** One record, all or nothing, with its outcome stored for replays. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Object> applyOne(SyncRecord record, Long fencingToken) {
        Map<String, Object> known = storedOutcome(record.clientRecordId());
        if (known != null) {
            return known;
        }
        Instant now = clock.instant();
        AuditSession session = claims.holding(record.sessionId(), fencingToken, now);
        if (session.getUserId() != caller.get().id()) {
            throw Problem.forbidden("This session belongs to someone else.").with("reason", "not_your_session").toException();
        }
        AuditItem item = em.createQuery("SELECT i FROM AuditItem i WHERE i.sessionId = :session AND i.itemCode = :item", AuditItem.class)
                .setParameter("session", record.sessionId()).setParameter("item", record.itemCode())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        Map<String, Object> outcome;
        if (item != null && item.getClientUpdatedAt().isAfter(record.updatedAt())) {
            outcome = result(record.clientRecordId(), "conflict", "The server holds a newer record of this item.", itemView(item));
        } else {
            if (item == null) {
                item = new AuditItem(record.sessionId(), record.itemCode());
                em.persist(item);
            }
            item.record(record.clientRecordId(), record.verifiedQty(), record.damageQty() == null ? 0 : record.damageQty(),
                    Json.createArrayBuilder(record.serialNumbers() == null ? List.of() : record.serialNumbers()).build().toString(),
                    record.status(), record.updatedAt(), now);
            outcome = result(record.clientRecordId(), "accepted", null, null);
        }
        em.createNativeQuery("INSERT INTO sync_record (client_record_id, session_id, outcome, result, synced_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, record.clientRecordId()).setParameter(2, record.sessionId())
                .setParameter(3, outcome.get("status")).setParameter(4, JsonConfig.JSONB.toJson(outcome))
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        return outcome;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Object> replayed(String clientRecordId) {
        Map<String, Object> known = storedOutcome(clientRecordId);
        return known != null ? known : result(clientRecordId, "rejected", "Could not be stored; send it again.", null);
    }

    /**
     * Forgets the outcomes stored for replays of records synced longer than {@code tandem.sync.retention} ago: far
     * longer than a client keeps a batch queued, and a session's lease. A replay after that is judged afresh, which
     * changes nothing (its session holds no lease any more; a record carries absolute quantities, not deltas).
     * Called by the timer without a caller; idempotent, so every node may run it.
     */
    @PermitAll
    public int purgeReplayRecords() {
        return em.createNativeQuery("DELETE FROM sync_record WHERE synced_at < ? LIMIT " + Chores.BATCH)
                .setParameter(1, Timestamp.from(clock.instant().minus(retention))).executeUpdate();
    }

    /** {@link #purgeReplayRecords} when an operator asks for it. */
    @RolesAllowed(Roles.ADMIN)
    public int purgeReplayRecordsNow() {
        return purgeReplayRecords();
    }

    /** Seed 002's session statistics. */
    public Map<String, Object> stats(String sessionId) {
        AuditSession session = claims.session(sessionId);
        @SuppressWarnings("unchecked")
        Set<String> expected = Set.copyOf(em.createNativeQuery("SELECT item_code FROM rack_item WHERE rack_code = ?")
                .setParameter(1, session.getRackId()).getResultList());
        List<AuditItem> items = em.createQuery("SELECT i FROM AuditItem i WHERE i.sessionId = :session", AuditItem.class)
                .setParameter("session", sessionId).getResultList();
        long extra = items.stream().filter(i -> !expected.contains(i.getItemCode())).count();
        long total = expected.size() + extra;
        long verified = items.stream().filter(i -> Set.of("verified", "finalized").contains(i.getStatus())).count();
        long damaged = items.stream().filter(i -> i.getDamageQty() > 0).count();
        Instant end = session.getEndedAt() != null ? session.getEndedAt() : clock.instant();
        long seconds = Math.max(0, Duration.between(session.getStartedAt(), end).toSeconds());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("session_id", sessionId);
        stats.put("total_items", total);
        stats.put("verified_items", verified);
        stats.put("damage_items", damaged);
        stats.put("pending_items", Math.max(0, total - verified));
        stats.put("duration_seconds", seconds);
        stats.put("items_per_minute", seconds == 0 ? 0.0 : Math.round(verified * 600.0 / seconds) / 10.0);
        return stats;
    }

    public List<AuditItem> items(String sessionId) {
        claims.session(sessionId);
        return em.createQuery("SELECT i FROM AuditItem i WHERE i.sessionId = :session ORDER BY i.itemCode", AuditItem.class)
                .setParameter("session", sessionId).getResultList();
    }

    private Map<String, Object> storedOutcome(String clientRecordId) {
        @SuppressWarnings("unchecked")
        List<Object> stored = em.createNativeQuery("SELECT result FROM sync_record WHERE client_record_id = ?")
                .setParameter(1, clientRecordId).getResultList();
        if (stored.isEmpty()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(stored.get(0).toString()))) {
            JsonObject first = reader.readObject();
            Map<String, Object> replay = new LinkedHashMap<>(first);
            replay.put("status", "duplicate");
            replay.put("first_status", first.getString("status"));
            return replay;
        }
    }

    private static String invalidity(SyncRecord record) {
        if (record == null) {
            return "The record is empty.";
        }
        if (record.clientRecordId() == null || record.clientRecordId().isBlank() || record.clientRecordId().length() > 128) {
            return "client_record_id is required (at most 128 characters).";
        }
        if (record.sessionId() == null || record.sessionId().isBlank()) {
            return "session_id is required.";
        }
        if (record.itemCode() == null || record.itemCode().isBlank() || record.itemCode().length() > 128) {
            return "item_code is required (at most 128 characters).";
        }
        if (record.verifiedQty() == null || record.verifiedQty() < 0 || record.verifiedQty() > 1_000_000) {
            return "verified_qty must be a whole number from 0 to 1000000.";
        }
        if (record.damageQty() != null && (record.damageQty() < 0 || record.damageQty() > 1_000_000)) {
            return "damage_qty must be a whole number from 0 to 1000000.";
        }
        if (record.status() == null || !STATUSES.contains(record.status())) {
            return "status must be one of " + STATUSES + ".";
        }
        if (record.updatedAt() == null) {
            return "updated_at is required.";
        }
        if (record.serialNumbers() != null && record.serialNumbers().size() > 10_000) {
            return "At most 10000 serial numbers per record.";
        }
        return null;
    }

    private static Map<String, Object> result(String clientRecordId, String status, String reason, Object serverRecord) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client_record_id", clientRecordId);
        result.put("status", status);
        if (reason != null) {
            result.put("reason", reason);
        }
        if (serverRecord != null) {
            result.put("server_record", serverRecord);
        }
        return result;
    }

    private static Map<String, Object> itemView(AuditItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_record_id", item.getClientRecordId());
        view.put("session_id", item.getSessionId());
        view.put("item_code", item.getItemCode());
        view.put("verified_qty", item.getVerifiedQty());
        view.put("damage_qty", item.getDamageQty());
        view.put("status", item.getStatus());
        view.put("updated_at", item.getClientUpdatedAt().toString());
        return view;
    }
}
