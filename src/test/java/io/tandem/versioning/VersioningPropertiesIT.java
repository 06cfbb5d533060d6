package io.tandem.versioning;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's ten properties, each tried at least 100 times over HTTP against the deployed WAR — once per database
 * of the suite (MariaDB, then H2), which is the tenth property: the same behaviour on both.
 */
class VersioningPropertiesIT {

    private static Api api;
    private static String token;
    private static long assignmentResource;
    private static long assignmentProject;

    private static synchronized Api api() {
        if (api == null) {
            api = new Api(TestServer.url());
            token = api.admin().access();
            long portfolio = api.post("/api/portfolio/portfolios", token, Json.createObjectBuilder().add("name", "P").build()).ok().getInt("id");
            long program = api.post("/api/portfolio/programs", token, Json.createObjectBuilder().add("portfolio_id", portfolio).add("name", "Pr").build()).ok().getInt("id");
            assignmentProject = api.post("/api/portfolio/projects", token, Json.createObjectBuilder().add("program_id", program)
                    .add("name", "Pj").add("start_date", "2026-01-01").build()).ok().getInt("id");
            assignmentResource = api.post("/api/portfolio/resources", token, Json.createObjectBuilder().add("name", "R")
                    .add("kind", "TEAM").add("capacity_hours_per_week", 40).build()).ok().getInt("id");
        }
        return api;
    }

    private static JsonObject storage(String name) throws Exception {
        Answer created = api().post("/api/storage", token, Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().withChars(' ', '-', 'é').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
    }

    /** Properties 1 and 6: a new entity has version 1, and every answer carries the version. */
    @Property(tries = 100)
    void createGivesVersionOne_andEveryAnswerCarriesTheVersion(@ForAll("names") String name) throws Exception {
        JsonObject created = storage(name);
        assertEquals(1, created.getInt("version"));
        Answer read = api().get("/api/storage/" + created.getInt("id"), token);
        assertEquals("\"1\"", read.header("ETag").orElse(""));
        assertEquals(1, read.ok().getInt("version"));
    }

    /** Properties 2 and 3: +1 for every save that changes something, nothing for one that changes nothing. */
    @Property(tries = 100)
    void versionsCountRealChangesOnly(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 2) Integer> locations)
            throws Exception {
        JsonObject current = storage("counted");
        long expected = 1;
        String location = null;
        for (int choice : locations) {
            String next = "Hall " + choice;
            JsonObject saved = api().put("/api/storage/" + current.getInt("id"), token,
                    Json.createObjectBuilder(current).add("location", next).build()).ok();
            if (!next.equals(location)) {
                expected++;
            }
            location = next;
            assertEquals(expected, saved.getJsonNumber("version").longValue());
            current = saved;
        }
        assertEquals(expected, api().get("/api/storage/" + current.getInt("id") + "/history?size=500", token).ok().getInt("total"));
    }

    /** Property 4: an update without a version is refused (428) and changes nothing. */
    @Property(tries = 100)
    void anUpdateNeedsAVersion(@ForAll("names") String newName) throws Exception {
        JsonObject created = storage("unversioned");
        String path = "/api/storage/" + created.getInt("id");
        assertEquals(428, api().put(path, token, Json.createObjectBuilder(created).remove("version").add("name", newName).build()).status());
        assertEquals(428, api().send("PATCH", path, token, "application/merge-patch+json", "{\"notes\": \"x\"}").status());
        assertEquals(1, api().get(path, token).ok().getInt("version"));
    }

    /** Properties 5 and 7: any stale version is a conflict (409 body, 412 If-Match) with the whole structure. */
    @Property(tries = 100)
    void aStaleVersionIsAConflictWithTheCurrentStateAndTheChangesSince(@ForAll @IntRange(min = 1, max = 4) int updates,
                                                                       @ForAll @IntRange(min = 0, max = 3) int staleBy) throws Exception {
        JsonObject current = storage("contested");
        String path = "/api/storage/" + current.getInt("id");
        for (int i = 0; i < updates; i++) {
            current = api().put(path, token, Json.createObjectBuilder(current).add("notes", "update " + i).build()).ok();
        }
        long latest = current.getJsonNumber("version").longValue();
        long stale = Math.max(1, latest - 1 - staleBy);
        JsonObject conflict = api().put(path, token, Json.createObjectBuilder(current).add("version", stale).add("location", "mine").build()).problem(409);
        assertEquals("Conflict", conflict.getString("error"));
        assertTrue(conflict.getString("message").startsWith("This storage system was modified by admin at "));
        assertEquals(latest, conflict.getJsonNumber("current_version").longValue());
        assertEquals("admin", conflict.getString("last_modified_by"));
        assertTrue(conflict.containsKey("last_modified_at"));
        assertEquals(current.getString("notes"), conflict.getJsonObject("current").getString("notes"));
        assertEquals(latest - stale, conflict.getJsonArray("changes_since").size());
        assertEquals(412, api().send("PUT", path, token, "application/json",
                Json.createObjectBuilder(current).remove("version").build().toString(), "If-Match", "\"" + stale + "\"").status());
        assertEquals(latest, api().get(path, token).ok().getJsonNumber("version").longValue());
    }

    /** Property 8: in a bulk update each item is judged on its own. */
    @Property(tries = 100)
    void bulkItemsSucceedOrFailOneByOne(@ForAll @Size(min = 1, max = 6) List<Boolean> fresh) throws Exception {
        JsonArrayBuilder updates = Json.createArrayBuilder();
        long expectedSuccesses = 0;
        for (boolean isFresh : fresh) {
            JsonObject assignment = api().post("/api/portfolio/resource-assignments", token, Json.createObjectBuilder()
                    .add("resource_id", assignmentResource).add("project_id", assignmentProject).add("start_date", "2026-02-01")
                    .add("end_date", "2026-02-28").add("allocation_percent", 10).build()).ok();
            updates.add(Json.createObjectBuilder(assignment).add("allocation_percent", 20).add("version", isFresh ? 1 : 7));
            expectedSuccesses += isFresh ? 1 : 0;
        }
        JsonObject result = api().send("POST", "/api/portfolio/resource-assignments/bulk", token, "application/json",
                updates.build().toString()).ok();
        assertEquals(expectedSuccesses, result.getJsonArray("succeeded").size());
        assertEquals(fresh.size() - expectedSuccesses, result.getJsonArray("failed").size());
        result.getJsonArray("failed").forEach(f -> assertFalse(f.asJsonObject().isNull("current_state")));
    }

    /** Property 9: every conflict is counted (and logged) per entity type. */
    @Property(tries = 100)
    void everyConflictIsCounted(@ForAll @IntRange(min = 1, max = 3) int conflicts) throws Exception {
        JsonObject created = storage("counted conflict");
        double before = conflictsCounted();
        for (int i = 0; i < conflicts; i++) {
            api().put("/api/storage/" + created.getInt("id"), token, Json.createObjectBuilder(created).add("version", 99).build()).problem(409);
        }
        assertEquals(before + conflicts, conflictsCounted());
    }

    private static Path traces() {
        return Path.of(System.getProperty("tandem.it.work", "target/it"), "property-10-mariadb.txt");
    }

    @BeforeContainer
    static void forgetTracesOfEarlierRuns() throws Exception {
        if ("mariadb".equals(System.getProperty("tandem.it.db"))) {
            Files.deleteIfExists(traces());
        }
    }

    /**
     * Property 10: the same behaviour on both databases. The same generated histories (fixed seed) run on each;
     * the MariaDB pass writes what every step answered, and the H2 pass, which failsafe runs after it, must
     * answer every step exactly alike. (Running only the H2 pass fails here: it has nothing to compare with.)
     */
    @Property(tries = 100, seed = "20261125")
    void bothDatabasesAnswerEveryHistoryAlike(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 4) Integer> steps)
            throws Exception {
        JsonObject current = storage("compared");
        String path = "/api/storage/" + current.getInt("id");
        StringBuilder trace = new StringBuilder();
        for (int step : steps) {
            Answer answer = switch (step) {
                case 0 -> api().put(path, token, Json.createObjectBuilder(current).add("location", "Hall A").build());
                case 1 -> api().put(path, token, Json.createObjectBuilder(current).add("location", "Hall B").build());
                case 2 -> api().put(path, token, Json.createObjectBuilder(current).add("version", 1).add("notes", "stale").build());
                case 3 -> api().send("PATCH", path, token, "application/merge-patch+json",
                        "{\"notes\": \"patched\", \"version\": " + current.getJsonNumber("version") + "}");
                default -> api().put(path, token, Json.createObjectBuilder(current).remove("version").build());
            };
            JsonObject body = answer.json();
            trace.append(step).append("->").append(answer.status()).append(' ')
                    .append(body.containsKey("version") ? body.get("version") : body.get("current_version"))
                    .append(body.containsKey("changes_since") ? " changes=" + body.getJsonArray("changes_since").size() : "")
                    .append(body.containsKey("type") ? " " + body.getString("type") : "").append("; ");
            if (answer.status() == 200) {
                current = body;
            }
        }
        Path traces = traces();
        String line = steps + "=" + trace;
        if ("mariadb".equals(System.getProperty("tandem.it.db"))) {
            Files.createDirectories(traces.getParent());
            Files.writeString(traces, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } else {
            assertTrue(Files.exists(traces), "the MariaDB pass runs first and leaves " + traces);
            String onMariaDb = Files.readAllLines(traces).stream().filter(l -> l.startsWith(steps + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("MariaDB never ran " + steps));
            assertEquals(onMariaDb, line);
        }
    }

    private static double conflictsCounted() throws Exception {
        String metrics = api().send("GET", "/metrics", null, null, null, "Accept", "text/plain").body();
        Matcher counter = Pattern.compile("(?m)^(?:application_)?tandem_version_conflicts(?:_total)?\\{[^}]*entity=\"storage_system\"[^}]*}\\s+([0-9.eE+]+)").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
