package io.tandem.platform.versioning;

import io.tandem.platform.Roles;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Failures;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves a list of new items (no id) and updates (id + version), each on its own: every item runs in a
 * transaction of its own, so the valid ones are saved and each failing one is reported with the seeds'
 * per-item {@code errors} (a stale version, an invalid field, a duplicate name), its {@code index} in the request
 * and its {@code id}, so a client knows which of its rows failed even when names repeat. Never all-or-nothing.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkSave {

    private static final Logger LOG = Logger.getLogger(BulkSave.class.getName());

    @Inject
    VersionedStore store;

    /** What happened to a bulk save: the saved entities (new versions) and one detail per failed item. */
    public record Outcome<T>(List<T> saved, List<Map<String, Object>> failed, List<Failure> failures, boolean anyConflict) {
        public boolean complete() {
            return failed.isEmpty();
        }

        /**
         * 200 with the saved items when all were saved; otherwise seed 000's body ({@code error}, {@code details})
         * as problem+json — 409 when a version conflict is among the failures, else 400 — still listing the
         * items that were saved, with their new versions.
         */
        public jakarta.ws.rs.core.Response toResponse(String collection, String whatFailed, String instance) {
            if (complete()) {
                return jakarta.ws.rs.core.Response.ok(Map.of(collection, saved)).build();
            }
            Problem problem = Problem.of(anyConflict ? 409 : 400, whatFailed)
                    .type(anyConflict ? "version-conflict" : "invalid-items")
                    .with("error", whatFailed)
                    .with("details", failed)
                    .with(collection, saved);
            return problem.toResponse(instance, null);
        }
    }

    public <T extends Versioned, F> Outcome<T> save(Class<T> type, String itemLabel, List<JsonObject> items,
                                                    Class<F> fieldsType, Function<F, T> create,
                                                    BiConsumer<T, F> apply) {
        List<T> saved = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        boolean anyConflict = false;
        for (int index = 0; index < items.size(); index++) {
            JsonObject item = items.get(index);
            String label = item.containsKey("name") && item.get("name").getValueType() == JsonValue.ValueType.STRING
                    ? item.getString("name") : "#" + (index + 1);
            try {
                F fields = Bodies.read(item, fieldsType);
                Long id = idIn(item);
                if (id == null) {
                    saved.add(store.createAlone(create.apply(fields)));
                } else {
                    Long version = VersionedResource.versionIn(item);
                    if (version == null) {
                        throw Problem.of(428, "A version is required to update an existing " + Versioned.nounOf(type) + ".")
                                .field("version").toException();
                    }
                    saved.add(store.updateAlone(type, id, new ExpectedVersion(version, false), entity -> apply.accept(entity, fields)));
                }
            } catch (RuntimeException failure) {
                Problem problem = failure instanceof ProblemException known ? known.problem() : Failures.toProblem(failure, true);
                if (problem.status() >= 500) {
                    LOG.log(Level.SEVERE, "bulk_save_item_failed entity=" + Versioned.typeOf(type), failure);
                }
                boolean conflict = problem.members().containsKey("current_version");
                anyConflict |= conflict;
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put(itemLabel, label);
                // Names may repeat or change in the same request; the position says for sure which item failed.
                detail.put("index", index);
                detail.put("id", idOrNull(item));
                detail.put("errors", conflict ? conflictErrors(type, problem) : fieldErrors(problem));
                failed.add(detail);
                failures.add(new Failure(item, problem, conflict));
            }
        }
        return new Outcome<>(saved, failed, failures, anyConflict);
    }

    /** One item that was not saved, and why. */
    public record Failure(JsonObject item, Problem problem, boolean conflict) {
        public JsonValue id() {
            return item.getOrDefault("id", JsonValue.NULL);
        }

        /** The entity's current state, when the failure was a stale version. */
        public Object currentState() {
            return problem.members().get("current");
        }
    }

    /** Seed 000: {@code {"version": "Conflict: This zone was modified by john at … Please refresh and try again.", …}}. */
    private static Map<String, Object> conflictErrors(Class<?> type, Problem problem) {
        Object when = problem.members().get("last_modified_at");
        Object who = problem.members().get("last_modified_by");
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("version", "Conflict: This " + Versioned.nounOf(type) + " was modified by "
                + (who == null ? "another user" : who) + " at "
                + (when instanceof Instant instant ? VersionConflicts.format(instant) : when)
                + ". Please refresh and try again.");
        errors.put("current_version", problem.members().get("current_version"));
        errors.put("last_modified_by", who);
        errors.put("last_modified_at", when);
        return errors;
    }

    private static Map<String, Object> fieldErrors(Problem problem) {
        Object field = problem.members().get("field");
        return Map.of(field == null ? "item" : field.toString(), problem.detail() == null ? "Could not be saved." : problem.detail());
    }

    private static Long idOrNull(JsonObject item) {
        return item.get("id") instanceof JsonNumber id && id.isIntegral() ? id.longValue() : null;
    }

    private static Long idIn(JsonObject item) {
        return Bodies.whole(item.get("id"), "id", 1, Long.MAX_VALUE);
    }
}
