package io.tandem.auth;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrators' list of users: searched by username or name, so one is found among many; ADMIN only. */
class UsersListIT {

    final Api api = new Api(TestServer.url());

    @Test
    void qFindsUsersByUsernameOrName_ignoringCase_andTheTotalCountsOnlyThem() {
        String admin = api.admin().access();
        String tag = "usr" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject byUsername = api.createUser(admin, tag, "USER");
        JsonObject byName = api.post("/api/users", admin, Json.createObjectBuilder()
                .add("username", "named-" + UUID.randomUUID().toString().substring(0, 8)).add("password", Api.PASSWORD)
                .add("first_name", "Someone").add("last_name", tag.toUpperCase()).build()).ok();
        api.createUser(admin, "someone-else", "USER");

        JsonObject found = api.get("/api/users?size=10&q=" + tag, admin).ok();
        assertEquals(List.of(byUsername.getInt("id"), byName.getInt("id")),
                found.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(u -> u.getInt("id")).toList());
        assertEquals(2, found.getInt("total"));
        assertTrue(api.get("/api/users?size=1", admin).ok().getInt("total") > 2, "without q every user counts");

        String manager = api.login(api.createUser(admin, "lister", "MANAGER").getString("username"), Api.PASSWORD).access();
        api.get("/api/users?q=" + tag, manager).problem(403);
    }
}
