package io.tandem.auth;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.Api.Tokens;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Changing your own password and an administrator's reset, over HTTP: old refused, new accepted, sign-ins ended. */
class PasswordsIT {

    private static final String NEW_PASSWORD = "a-brand-new-password";

    final URL base = TestServer.url();

    Api api;
    String admin;

    @BeforeEach
    void client() {
        api = new Api(base);
        // The login throttle counts by the server clock: standing still, its window never depends on machine speed.
        api.moveClock(Duration.ZERO);
        admin = api.admin().access();
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    @Test
    void changingYourPassword_refusesTheOldOne_endsYourOtherSignIns_andKeepsThisOne() {
        String username = api.createUser(admin, "changer", "USER").getString("username");
        Tokens here = api.login(username, Api.PASSWORD);
        Tokens otherTab = api.login(username, Api.PASSWORD);
        Tokens phone = api.login(username, Api.PASSWORD);

        assertEquals(204, change(here.access(), Api.PASSWORD, NEW_PASSWORD).status());

        api.post("/api/auth/login", null, credentials(username, Api.PASSWORD)).problem(401);
        api.login(username, NEW_PASSWORD);
        for (Tokens other : new Tokens[]{otherTab, phone}) {
            api.get("/api/auth/me", other.access()).problem(401);
            refresh(other.refresh()).problem(401);
        }
        api.get("/api/auth/me", here.access()).ok();
        String rotated = refresh(here.refresh()).ok().getString("access_token");
        api.get("/api/auth/me", rotated).ok();
    }

    @Test
    void aWrongCurrentPasswordOrAShortNewOne_isRefusedNamingTheField_andChangesNothing() {
        String username = api.createUser(admin, "fumbler", "USER").getString("username");
        Tokens here = api.login(username, Api.PASSWORD);
        Tokens other = api.login(username, Api.PASSWORD);

        JsonObject wrong = change(here.access(), "not-my-password", NEW_PASSWORD).problem(403);
        assertEquals("current_password", wrong.getString("field"));
        assertEquals("/problems/wrong-password", wrong.getString("type"));
        assertEquals("new_password", change(here.access(), Api.PASSWORD, "short").problem(400).getString("field"));
        assertEquals("current_password", api.post("/api/auth/password", here.access(), Json.createObjectBuilder()
                .add("new_password", NEW_PASSWORD).build()).problem(400).getString("field"));
        change(null, Api.PASSWORD, NEW_PASSWORD).problem(401);

        api.login(username, Api.PASSWORD);
        api.get("/api/auth/me", other.access()).ok();
        refresh(other.refresh()).ok();
        api.post("/api/auth/login", null, credentials(username, NEW_PASSWORD)).problem(401);
    }

    @Test
    void wrongCurrentPasswordsCountLikeFailedSignIns_soTheEndpointIsNoFasterWayToGuess() {
        String username = api.createUser(admin, "guesser", "USER").getString("username");
        Tokens stolen = api.login(username, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            change(stolen.access(), "guess-number-" + i, NEW_PASSWORD).problem(403);
        }
        Answer blocked = change(stolen.access(), Api.PASSWORD, NEW_PASSWORD);
        blocked.problem(429);
        assertEquals("30", blocked.header("Retry-After").orElse(""));
        api.post("/api/auth/login", null, credentials(username, Api.PASSWORD)).problem(429);
    }

    @Test
    void anAdministratorResetsAPassword_everySignInOfThatUserEnds_otherRolesMayNot() {
        JsonObject user = api.createUser(admin, "forgetful", "USER");
        String username = user.getString("username");
        String path = "/api/users/" + user.getInt("id") + "/password";
        Tokens laptop = api.login(username, Api.PASSWORD);
        Tokens phone = api.login(username, Api.PASSWORD);
        String manager = api.login(api.createUser(admin, "not-admin", "MANAGER").getString("username"), Api.PASSWORD).access();

        api.put(path, manager, reset(NEW_PASSWORD)).problem(403);
        api.put(path, laptop.access(), reset(NEW_PASSWORD)).problem(403);
        assertEquals("new_password", api.put(path, admin, reset("short")).problem(400).getString("field"));
        api.put("/api/users/987654321/password", admin, reset(NEW_PASSWORD)).problem(404);
        api.get("/api/auth/me", laptop.access()).ok();

        assertEquals(204, api.put(path, admin, reset(NEW_PASSWORD)).status());
        for (Tokens signIn : new Tokens[]{laptop, phone}) {
            api.get("/api/auth/me", signIn.access()).problem(401);
            refresh(signIn.refresh()).problem(401);
        }
        api.post("/api/auth/login", null, credentials(username, Api.PASSWORD)).problem(401);
        api.login(username, NEW_PASSWORD);
    }

    @Test
    void newPasswordsLeaveTheUsersVersion_soAnAdministratorsOpenEditIsNotRefused() {
        JsonObject user = api.createUser(admin, "versioned", "USER");
        String path = "/api/users/" + user.getInt("id");
        long version = user.getJsonNumber("version").longValue();
        Tokens own = api.login(user.getString("username"), Api.PASSWORD);

        assertEquals(204, api.put(path + "/password", admin, reset(NEW_PASSWORD)).status());
        assertEquals(204, change(api.login(user.getString("username"), NEW_PASSWORD).access(), NEW_PASSWORD, Api.PASSWORD).status());

        JsonObject now = api.get(path, admin).ok();
        assertEquals(version, now.getJsonNumber("version").longValue());
        assertEquals(1, api.get(path + "/history", admin).ok().getInt("total"));
        Answer renamed = api.send("PUT", path, admin, "application/json",
                "{\"first_name\": \"Still\", \"last_name\": \"Here\"}", "If-Match", "\"" + version + "\"");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(version + 1, renamed.json().getJsonNumber("version").longValue());
        api.get("/api/auth/me", own.access()).problem(401);
    }

    private Answer change(String token, String current, String next) {
        return api.post("/api/auth/password", token, Json.createObjectBuilder()
                .add("current_password", current).add("new_password", next).build());
    }

    private static JsonObject reset(String next) {
        return Json.createObjectBuilder().add("new_password", next).build();
    }

    private static JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build();
    }

    private Answer refresh(String token) {
        return api.post("/api/auth/refresh", null, Json.createObjectBuilder().add("refresh_token", token).build());
    }
}
