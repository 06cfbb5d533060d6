package io.tandem.auth;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.Race;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The last administrator keeps ADMIN even when every administrator is demoted or deleted at the same moment.
 * The guard is global, so each round first makes two fresh administrators the only ones (every other
 * administrator, the suite's {@code admin} included, is demoted for the round and put back afterwards), then
 * lets each demote or delete the other at once.
 */
class LastAdministratorIT {

    private static final int ROUNDS = 5;

    final URL base = TestServer.url();

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    /** An administrator taken out of the way for one round: their id, roles before, and version now. */
    record Sidelined(long id, List<String> roles, long version) {
    }

    @Test
    void twoAdministratorsDemoteEachOtherAtOnce_exactlyOneKeepsAdmin_theOtherGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Round race = race((token, target) -> api.put("/api/users/" + target + "/roles", token,
                    Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("USER")).add("version", 1).build()));
            Answer[] answers = race.answers();
            String admin = api.admin().access();
            List<JsonObject> stillAdmin = new ArrayList<>();
            for (Answer answer : answers) {
                if (answer.status() != 200) {
                    // Its demoter was demoted before the request arrived (403), or it came second and would have
                    // removed the last administrator (409).
                    refusedAsLoser(answer, 403);
                }
            }
            for (long id : race.racerIds()) {
                JsonObject racer = api.get("/api/users/" + id, admin).ok();
                if (roles(racer).contains("ADMIN")) {
                    stillAdmin.add(racer);
                }
            }
            assertEquals(1, stillAdmin.size(), "round " + round + ": " + statuses(answers));
            assertEquals(1, List.of(answers).stream().filter(a -> a.status() == 200).count(), statuses(answers));
            JsonObject survivor = stillAdmin.get(0);
            api.put("/api/users/" + survivor.getInt("id") + "/roles", admin, Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("USER")).add("version", survivor.getInt("version")).build()).ok();
        }
    }

    @Test
    void twoAdministratorsDeleteEachOtherAtOnce_exactlyOneRemains_theOtherGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Round race = race((token, target) -> api.delete("/api/users/" + target + "?version=1", token));
            Answer[] answers = race.answers();
            String admin = api.admin().access();
            for (Answer answer : answers) {
                if (answer.status() != 204) {
                    // Its caller was deleted before the request arrived (401), or it came second (409).
                    refusedAsLoser(answer, 401);
                }
            }
            List<Long> remaining = race.racerIds().stream().filter(id -> api.get("/api/users/" + id, admin).status() == 200).toList();
            assertEquals(1, remaining.size(), "round " + round + ": " + statuses(answers));
            assertEquals(1, List.of(answers).stream().filter(a -> a.status() == 204).count(), statuses(answers));
            assertEquals(204, api.delete("/api/users/" + remaining.get(0) + "?version=1", admin).status());
        }
    }

    /** What one racer does to the other. */
    private interface Action {
        Answer on(String token, long targetId);
    }

    /** The two racers and what each was answered. */
    record Round(List<Long> racerIds, Answer[] answers) {
    }

    /** Two fresh administrators, made the only ones, each acting on the other at once; the others put back after. */
    private Round race(Action action) throws Exception {
        String admin = api.admin().access();
        List<JsonObject> racers = List.of(api.createUser(admin, "racer", "ADMIN"), api.createUser(admin, "racer", "ADMIN"));
        List<Long> ids = racers.stream().map(r -> (long) r.getInt("id")).toList();
        List<String> tokens = racers.stream().map(r -> api.login(r.getString("username"), Api.PASSWORD).access()).toList();
        List<Sidelined> sidelined = sidelineAdministratorsExcept(ids, tokens.get(0));
        AtomicReferenceArray<Answer> answers = new AtomicReferenceArray<>(2);
        try {
            Race.run(2, thread -> answers.set(thread, action.on(tokens.get(thread), ids.get(1 - thread))));
        } finally {
            restore(sidelined, tokens);
        }
        return new Round(ids, new Answer[]{answers.get(0), answers.get(1)});
    }

    private List<Sidelined> sidelineAdministratorsExcept(List<Long> racerIds, String racerToken) {
        List<Sidelined> sidelined = new ArrayList<>();
        for (int page = 1; ; page++) {
            var items = api.get("/api/users?size=500&page=" + page, racerToken).ok().getJsonArray("items");
            for (JsonValue item : items) {
                JsonObject user = item.asJsonObject();
                long id = user.getInt("id");
                List<String> roles = roles(user);
                if (roles.contains("ADMIN") && !racerIds.contains(id)) {
                    List<String> without = roles.stream().filter(r -> !r.equals("ADMIN")).toList();
                    JsonObject demoted = api.put("/api/users/" + id + "/roles", racerToken, Json.createObjectBuilder()
                            .add("roles", array(without.isEmpty() ? List.of("USER") : without))
                            .add("version", user.getInt("version")).build()).ok();
                    sidelined.add(new Sidelined(id, roles, demoted.getInt("version")));
                }
            }
            if (items.size() < 500) {
                return sidelined;
            }
        }
    }

    /** Whichever racer is still an administrator gives the sidelined ones their roles back. */
    private void restore(List<Sidelined> sidelined, List<String> racerTokens) {
        Optional<String> survivor = racerTokens.stream()
                .filter(token -> api.get("/api/users?size=1", token).status() == 200).findFirst();
        if (survivor.isEmpty()) {
            fail("No administrator is left: the last one was demoted or deleted.");
        }
        for (Sidelined user : sidelined) {
            api.put("/api/users/" + user.id() + "/roles", survivor.get(), Json.createObjectBuilder()
                    .add("roles", array(user.roles())).add("version", user.version()).build()).ok();
        }
    }

    private static void refusedAsLoser(Answer answer, int callerGoneStatus) {
        if (answer.status() == callerGoneStatus) {
            answer.problem(callerGoneStatus);
            return;
        }
        JsonObject problem = answer.problem(409);
        assertEquals("/problems/last-administrator", problem.getString("type"), problem.toString());
    }

    private static List<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static String statuses(Answer[] answers) {
        return List.of(answers).stream().map(a -> a.status() + " " + a.body()).toList().toString();
    }
}
