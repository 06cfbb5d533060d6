package io.tandem.platform.versioning;

import io.tandem.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the versioning rules that need no database (seed 004's properties 2, 3 and 5, in part). */
class VersioningProperties {

    @Provide
    Arbitrary<Map<String, String>> states() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                        .filter(name -> !FieldChanges.AUDIT_FIELDS.contains(name)),
                Arbitraries.strings().ofMaxLength(20)).ofMinSize(1).ofMaxSize(8);
    }

    private static JsonObject json(Map<String, String> state, long version) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        state.forEach(object::add);
        return object.add("version", version).add("last_modified_at", "2026-01-01T00:00:00Z").build();
    }

    @Property(tries = 200)
    void savingTheSameStateIsNoChange(@ForAll("states") Map<String, String> state) {
        assertTrue(FieldChanges.between(json(state, 3), json(state, 3)).isEmpty());
    }

    @Property(tries = 200)
    void bookkeepingNeverCountsAsAChange(@ForAll("states") Map<String, String> state,
                                         @ForAll @LongRange(min = 1, max = 1000) long otherVersion) {
        JsonObject later = Json.createObjectBuilder(json(state, otherVersion))
                .add("last_modified_at", "2030-01-01T00:00:00Z").add("last_modified_by", "someone").build();
        assertTrue(FieldChanges.between(json(state, 1), later).isEmpty());
    }

    @Property(tries = 200)
    void everyRealChangeIsReportedWithOldAndNew(@ForAll("states") Map<String, String> state, @ForAll String suffix) {
        String field = state.keySet().iterator().next();
        // The generated state has no bookkeeping fields, and the new value is longer than the old: a real change.
        assertFalse(FieldChanges.AUDIT_FIELDS.contains(field), field);
        String newValue = state.get(field) + "|" + suffix;
        JsonObject after = Json.createObjectBuilder(json(state, 1)).add(field, newValue).build();
        List<FieldChanges.Change> changes = FieldChanges.between(json(state, 1), after);
        assertEquals(1, changes.size());
        assertEquals(field, changes.get(0).field());
        assertEquals(Json.createValue(state.get(field)), changes.get(0).old());
        assertEquals(Json.createValue(newValue), changes.get(0).now());
    }

    @Property(tries = 200)
    void anUpdateNeedsAVersion_andIfMatchWinsOverTheBody(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 10) long version,
                                                         @ForAll @LongRange(min = 0, max = 1000) long bodyVersion) {
        ExpectedVersion fromHeader = ExpectedVersion.of("\"" + version + "\"", bodyVersion);
        assertEquals(version, fromHeader.version());
        assertTrue(fromHeader.fromIfMatch());
        assertEquals(version, ExpectedVersion.of("W/\"" + version + "\"", null).version());
        ExpectedVersion fromBody = ExpectedVersion.of(null, bodyVersion);
        assertEquals(bodyVersion, fromBody.version());
        assertFalse(fromBody.fromIfMatch());
        ProblemException missing = assertThrows(ProblemException.class, () -> ExpectedVersion.of(null, null));
        assertEquals(428, missing.problem().status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ExpectedVersion.of("*", null)).problem().status());
    }

    @Property(tries = 100)
    void malformedIfMatchIsABadRequest(@ForAll("junk") String header) {
        assertEquals(400, assertThrows(ProblemException.class, () -> ExpectedVersion.of(header, 1L)).problem().status());
    }

    @Provide
    Arbitrary<String> junk() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().numeric().ofMaxLength(3)).as((letters, digits) -> letters + digits);
    }
}
