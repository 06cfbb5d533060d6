package io.tandem.auth;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.Api.Tokens;
import io.tandem.it.TestServer;
import io.tandem.it.Race;
import io.tandem.it.ForgedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in over HTTP against the deployed WAR: login, rotation, reuse, logout, every refused token, roles, throttling. */
class AuthIT {

    final URL base = TestServer.url();

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
        // Time stands still unless a test moves it: no margin depends on how fast this machine runs.
        api.moveClock(Duration.ZERO);
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    private JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build();
    }

    @Test
    void loginAnswersTokensAndTheUser_andMeKnowsTheCaller() {
        Answer login = api.post("/api/auth/login", null, credentials("admin", io.tandem.it.TestDatabase.ADMIN_PASSWORD));
        JsonObject body = login.ok();
        assertEquals("bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"));
        assertFalse(body.getString("refresh_token").isBlank());
        assertTrue(login.header("Cache-Control").orElse("").contains("no-store"));
        JsonObject user = body.getJsonObject("user");
        assertEquals("admin", user.getString("username"));
        assertEquals(List.of("ADMIN"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(user.containsKey("first_name") && user.containsKey("last_name") && user.containsKey("id"));

        JsonObject me = api.get("/api/auth/me", body.getString("access_token")).ok();
        assertEquals("admin", me.getString("username"));
        assertEquals(user.getInt("id"), me.getInt("id"));
    }

    @Test
    void wrongUsernameAndWrongPasswordLookTheSame() {
        JsonObject wrongPassword = api.post("/api/auth/login", null, credentials("admin", "not-the-password")).problem(401);
        JsonObject unknownUser = api.post("/api/auth/login", null, credentials("nobody-" + System.nanoTime(), "not-the-password")).problem(401);
        assertEquals(wrongPassword.getString("detail"), unknownUser.getString("detail"));
        assertEquals(wrongPassword.getString("error"), unknownUser.getString("error"));
    }

    @Test
    void refreshRotatesTheToken_andTheOldOneStopsWorking() {
        String admin = api.admin().access();
        JsonObject user = api.createUser(admin, "rotator", "USER");
        Tokens first = api.login(user.getString("username"), Api.PASSWORD);

        JsonObject rotated = refresh(first.refresh()).ok();
        String second = rotated.getString("refresh_token");
        assertNotEquals(first.refresh(), second);
        assertEquals(user.getString("username"), api.get("/api/auth/me", rotated.getString("access_token")).ok().getString("username"));

        // Within the configured reuse window (10 s in the suite) a retry of the old token gets the same successor …
        assertEquals(second, refresh(first.refresh()).ok().getString("refresh_token"));
        // … past it, the old token is a replay: 401 and the whole sign-in is revoked.
        api.moveClock(Duration.ofSeconds(11));
        JsonObject reuse = refresh(first.refresh()).problem(401);
        assertEquals("/problems/refresh-token-reused", reuse.getString("type"));
        refresh(second).problem(401);
        api.get("/api/auth/me", rotated.getString("access_token")).problem(401);
    }

    @Test
    void concurrentRefreshesOfOneToken_rotateItExactlyOnce() throws Exception {
        String admin = api.admin().access();
        JsonObject user = api.createUser(admin, "tabs", "USER");
        Tokens tokens = api.login(user.getString("username"), Api.PASSWORD);
        Set<String> successors = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Race.run(8, thread -> successors.add(refresh(tokens.refresh()).ok().getString("refresh_token")));
        // Every tab inside the reuse window got the one successor: the token was rotated exactly once.
        assertEquals(1, successors.size());
        String successor = successors.iterator().next();
        assertNotEquals(tokens.refresh(), successor);
        refresh(successor).ok();
    }

    @Test
    void logoutEndsTheSignIn() {
        String admin = api.admin().access();
        JsonObject user = api.createUser(admin, "leaver", "USER");
        Tokens tokens = api.login(user.getString("username"), Api.PASSWORD);
        assertEquals(204, api.post("/api/auth/logout", tokens.access(), null).status());
        api.get("/api/auth/me", tokens.access()).problem(401);
        refresh(tokens.refresh()).problem(401);
        api.post("/api/auth/logout", null, null).problem(401);
    }

    @Test
    void refusedTokens() {
        Tokens admin = api.admin();
        JsonObject claims = Json.createReader(new java.io.StringReader(ForgedTokens.payload(admin.access()))).readObject();
        long userId = Long.parseLong(claims.getString("sub"));
        String family = claims.getString("fam");

        // Sanity: a token the test signs the server's way is accepted, so each refusal below is about its one flaw.
        api.get("/api/auth/me", ForgedTokens.signed(userId, family, b -> b)).ok();

        String[] parts = admin.access().split("\\.");
        String unsigned = ForgedTokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        String tampered = parts[0] + "." + ForgedTokens.encode(ForgedTokens.payload(admin.access())
                .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"999999\"")) + "." + parts[2];
        String hs512 = io.jsonwebtoken.Jwts.builder().json(new io.jsonwebtoken.jackson.io.JacksonSerializer<>())
                .issuer("tandem").audience().add("tandem-api").and().subject(Long.toString(userId))
                .claim("typ", "access").claim("fam", family)
                .expiration(new java.util.Date(System.currentTimeMillis() + 600_000))
                .signWith(new javax.crypto.spec.SecretKeySpec(java.util.Arrays.copyOf(ForgedTokens.serverSigningKey(), 64), "HmacSHA512"),
                        io.jsonwebtoken.Jwts.SIG.HS512).compact();

        for (String token : List.of(unsigned, badSignature, tampered, hs512,
                ForgedTokens.signed(userId, family, b -> b.issuer("someone-else")),
                ForgedTokens.signed(userId, family, b -> b.audience().add("other-api").and().claim("aud", "other-api")),
                ForgedTokens.signed(userId, family, b -> b.claim("typ", "refresh")),
                admin.refresh(),
                "not-a-jwt-at-all")) {
            JsonObject problem = api.get("/api/auth/me", token).problem(401);
            assertEquals("Invalid or expired token", problem.getString("error"), token);
        }
        // A scheme other than Bearer is refused too.
        Answer basic = api.send("GET", "/api/auth/me", null, null, null, "Authorization", "Basic YWRtaW46YWRtaW4=");
        basic.problem(401);
    }

    @Test
    void accessTokensExpireByTheServerClock() {
        Tokens admin = api.admin();
        api.moveClock(Duration.ofMinutes(14));
        api.get("/api/auth/me", admin.access()).ok();
        api.moveClock(Duration.ofMinutes(16));
        JsonObject expired = api.get("/api/auth/me", admin.access()).problem(401);
        assertTrue(expired.getString("detail").contains("expired"), expired.toString());
        // The refresh token still works and gives a fresh access token.
        String fresh = refresh(admin.refresh()).ok().getString("access_token");
        api.get("/api/auth/me", fresh).ok();
    }

    @Test
    void rolesAreEnforced() {
        String admin = api.admin().access();
        JsonObject plain = api.createUser(admin, "plain", "USER");
        Tokens user = api.login(plain.getString("username"), Api.PASSWORD);

        JsonObject anonymous = api.get("/api/users", null).problem(401);
        assertEquals("Authentication required", anonymous.getString("error"));
        api.get("/api/users", user.access()).problem(403);
        api.post("/api/users", user.access(), Json.createObjectBuilder().add("username", "sneaky").add("password", Api.PASSWORD).build()).problem(403);

        // Promotion applies to the very next request: roles come from the database, not from the token.
        api.put("/api/users/" + plain.getInt("id") + "/roles", admin,
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("ADMIN").add("USER")).build()).problem(428);
        JsonObject promoted = api.put("/api/users/" + plain.getInt("id") + "/roles", admin, Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ADMIN").add("USER")).add("version", 1).build()).ok();
        assertEquals(2, promoted.getInt("version"));
        // Users are versioned like everything else: a stale role change is a conflict with the current state.
        JsonObject stale = api.put("/api/users/" + plain.getInt("id") + "/roles", admin, Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("MANAGER")).add("version", 1).build()).problem(409);
        assertEquals(2, stale.getInt("current_version"));
        assertFalse(stale.getJsonObject("current").containsKey("password_hash"));
        assertEquals("roles", stale.getJsonArray("changes_since").getJsonObject(0).getString("field"));
        assertEquals(2, api.get("/api/users/" + plain.getInt("id") + "/history", admin).ok().getInt("total"));
        api.get("/api/users", user.access()).ok();

        // Read, rename and delete are versioned too; the deleted user's tokens stop working at once.
        String path = "/api/users/" + plain.getInt("id");
        assertEquals("\"2\"", api.get(path, admin).header("ETag").orElse(""));
        JsonObject renamed = api.put(path, admin, Json.createObjectBuilder().add("first_name", "Plain").add("last_name", "Renamed")
                .add("version", 2).build()).ok();
        assertEquals(3, renamed.getInt("version"));
        api.delete(path, admin).problem(428);
        api.delete(path + "?version=2", admin).problem(409);
        assertEquals(204, api.delete(path + "?version=3", admin).status());
        api.get(path, admin).problem(404);
        api.get("/api/auth/me", user.access()).problem(401);
    }

    @Test
    void usersAreCreatedListedAndValidated() {
        String admin = api.admin().access();
        JsonObject created = api.createUser(admin, "carol", "MANAGER", "USER");
        assertEquals(List.of("MANAGER", "USER"), created.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(created.containsKey("password") || created.containsKey("password_hash"));

        JsonObject duplicate = api.post("/api/users", admin, Json.createObjectBuilder()
                .add("username", created.getString("username")).add("password", Api.PASSWORD).build()).problem(409);
        assertEquals("username", duplicate.getString("field"));
        assertEquals("password", api.post("/api/users", admin, Json.createObjectBuilder()
                .add("username", "shorty").add("password", "short").build()).problem(400).getString("field"));
        assertEquals("roles", api.post("/api/users", admin, Json.createObjectBuilder()
                .add("username", "kinglet").add("password", Api.PASSWORD)
                .add("roles", Json.createArrayBuilder().add("KING")).build()).problem(400).getString("field"));
        assertEquals(1, created.getInt("version"));
        assertEquals("roles", api.put("/api/users/" + created.getInt("id") + "/roles", admin,
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder()).add("version", 1).build()).problem(400).getString("field"));
        api.put("/api/users/987654321/roles", admin,
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("USER")).add("version", 1).build()).problem(404);

        JsonObject page = api.get("/api/users?page=1&size=2", admin).ok();
        assertEquals(2, page.getJsonArray("items").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 2);
        assertEquals("size", api.get("/api/users?size=100000", admin).problem(400).getString("field"));

    }

    @Test
    void repeatedFailuresAreThrottled_untilTheClockMovesOn() {
        String admin = api.admin().access();
        String username = api.createUser(admin, "guessed", "USER").getString("username");
        for (int i = 0; i < 5; i++) {
            api.post("/api/auth/login", null, credentials(username, "wrong-guess-" + i)).problem(401);
        }
        Answer throttled = api.post("/api/auth/login", null, credentials(username, Api.PASSWORD));
        JsonObject problem = throttled.problem(429);
        assertEquals("30", throttled.header("Retry-After").orElse(""));
        assertEquals(30, problem.getInt("retry_after_seconds"));
        // Another user from the same address is not affected.
        api.admin();

        api.moveClock(Duration.ofSeconds(31));
        api.login(username, Api.PASSWORD);
    }

    private Answer refresh(String token) {
        return api.post("/api/auth/refresh", null, Json.createObjectBuilder().add("refresh_token", token).build());
    }
}
