package io.tandem.platform.versioning;

import io.tandem.platform.json.JsonConfig;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Builds what a client gets when its version is stale: who changed the entity and when (in the seeds' words),
 * the current version and state, and the field changes made since the client's version (the newest
 * {@value #CHANGES_SHOWN}, so a long-stale client still gets a small answer), so a UI can show "yours vs theirs".
 * Every conflict is logged as one line (no field values) and counted per entity type: in this node's metric, and
 * in the database for all nodes ({@link ConflictCounts}, once the request's transaction is over).
 */
@ApplicationScoped
public class VersionConflicts {

    private static final Logger LOG = Logger.getLogger(VersionConflicts.class.getName());
    /** At most this many entries in {@code changes_since}; the newest, since they explain the current state. */
    static final int CHANGES_SHOWN = 50;
    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    MetricRegistry metrics;

    @Inject
    ConflictTally tally;

    /** The 409 (stale body version) or 412 (stale If-Match) problem for a single-entity write. */
    public ProblemException conflict(EntityManager em, Versioned current, ExpectedVersion expected, Long userId) {
        record(current, expected.version(), userId);
        String message = current.conflictMessage(whoOf(current), SEED_TIME.format(current.getLastModifiedAt()));
        Problem problem = Problem.of(expected.fromIfMatch() ? 412 : 409, message)
                .type("version-conflict")
                .header("ETag", ExpectedVersion.etag(current.getVersion()))
                .with("error", "Conflict")
                .with("message", message)
                .with("expected_version", expected.version());
        seedMembers(current).forEach(problem::with);
        ChangesSince changes = changesSince(em, current, expected.version());
        return problem
                .with("current", JsonConfig.toJsonValue(current))
                .with("changes_since", changes.newest())
                .with("changes_since_truncated", changes.newest().size() < changes.total())
                .with("changes_since_total", changes.total())
                .toException();
    }

    /** The seed's per-item {@code errors} object for a conflict inside a bulk save. */
    public Map<String, Object> itemErrors(Versioned current, long expectedVersion, Long userId) {
        record(current, expectedVersion, userId);
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("version", "Conflict: This " + current.noun() + " was modified by " + whoOf(current) + " at "
                + SEED_TIME.format(current.getLastModifiedAt()) + ". Please refresh and try again.");
        errors.putAll(seedMembers(current));
        return errors;
    }

    private static Map<String, Object> seedMembers(Versioned current) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("current_version", current.getVersion());
        members.put("last_modified_by", current.getLastModifiedBy());
        members.put("last_modified_at", current.getLastModifiedAt());
        return members;
    }

    private void record(Versioned current, long expectedVersion, Long userId) {
        LOG.info(() -> "version_conflict entity=" + current.entityType() + " id=" + current.getId()
                + " expected_version=" + expectedVersion + " actual_version=" + current.getVersion()
                + " user_id=" + (userId == null ? "-" : userId));
        metrics.counter("tandem_version_conflicts", new Tag("entity", current.entityType())).inc();
        try {
            tally.add(current.entityType());
        } catch (ContextNotActiveException outsideARequest) {
            LOG.fine("version conflict outside a request: counted in the metric only");
        }
    }

    private static String whoOf(Versioned current) {
        return current.getLastModifiedBy() == null ? "another user" : current.getLastModifiedBy();
    }

    /** The newest field changes made after a version, oldest first, and how many there are in all. */
    record ChangesSince(JsonArray newest, int total) {
    }

    /**
     * The field changes made after {@code sinceVersion}: the newest {@value #CHANGES_SHOWN} (oldest first) are
     * shown, the rest only counted. Revisions are read newest first, so the ones shown are built first.
     */
    static ChangesSince changesSince(EntityManager em, Versioned current, long sinceVersion) {
        List<Revision> revisions = em.createQuery("SELECT r FROM Revision r WHERE r.entityType = :type AND r.entityId = :id"
                        + " AND r.version > :since ORDER BY r.version DESC", Revision.class)
                .setParameter("type", current.entityType()).setParameter("id", current.getId())
                .setParameter("since", sinceVersion).getResultList();
        Deque<JsonObject> newest = new ArrayDeque<>();
        int total = 0;
        for (Revision revision : revisions) {
            JsonArray fields;
            try (var reader = Json.createReader(new StringReader(revision.getChanges()))) {
                fields = reader.readArray();
            }
            total += fields.size();
            for (int i = fields.size() - 1; i >= 0 && newest.size() < CHANGES_SHOWN; i--) {
                newest.addFirst(entry(revision, fields.getJsonObject(i)));
            }
        }
        JsonArrayBuilder shown = Json.createArrayBuilder();
        newest.forEach(shown::add);
        return new ChangesSince(shown.build(), total);
    }

    private static JsonObject entry(Revision revision, JsonObject field) {
        return Json.createObjectBuilder()
                .add("version", revision.getVersion())
                .add("field", field.getString("field"))
                .add("old", field.get("old"))
                .add("new", field.get("new"))
                .add("modified_by", revision.getChangedBy() == null ? JsonValue.NULL : Json.createValue(revision.getChangedBy()))
                .add("modified_at", revision.getChangedAt().toString())
                .build();
    }

    static String format(Instant instant) {
        return SEED_TIME.format(instant);
    }
}
