package io.tandem.auth;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.Api.Tokens;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ended sign-ins are forgotten 30 days (tandem.auth.purge-after) after they ended, with their refresh tokens;
 * recent and live ones stay. The clock moves by days and stands still; the purge runs on request as the timer would.
 */
class SignInPurgeIT {

    private static final String ENDED = "This sign-in has ended. Please sign in again.";

    final URL base = TestServer.url();

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
        api.moveClock(Duration.ZERO);
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    @Test
    void endedSignInsAreForgottenThirtyDaysAfterTheyEnded_recentAndLiveOnesStay() {
        String username = api.createUser(api.admin().access(), "purged", "USER").getString("username");
        Tokens loggedOut = api.login(username, Api.PASSWORD);
        Tokens expiring = api.login(username, Api.PASSWORD);
        assertEquals(204, api.post("/api/auth/logout", loggedOut.access(), null).status());
        String unknown = detail(refresh("a-refresh-token-the-server-never-issued"));

        api.moveClock(Duration.ofDays(29));
        purge();
        assertEquals(ENDED, detail(refresh(loggedOut.refresh())), "ended 29 days ago: still recognised");

        api.moveClock(Duration.ofDays(31));
        Tokens live = api.login(username, Api.PASSWORD);
        String rotated = refresh(live.refresh()).ok().getString("refresh_token");
        assertTrue(purge() >= 1);
        assertEquals(unknown, detail(refresh(loggedOut.refresh())), "ended 31 days ago: forgotten like a token never issued");
        assertEquals(ENDED, detail(refresh(expiring.refresh())), "expired 1 day ago: still recognised");
        api.moveClock(Duration.ofDays(31).plusMinutes(1));
        assertEquals("/problems/refresh-token-reused", refresh(live.refresh()).problem(401).getString("type"),
                "a live sign-in keeps its spent tokens, so replaying one is still caught");
        refresh(rotated).problem(401);

        api.moveClock(Duration.ofDays(61));
        purge();
        assertEquals(unknown, detail(refresh(expiring.refresh())), "expired 31 days ago: forgotten");
        Tokens fresh = api.login(username, Api.PASSWORD);
        purge();
        refresh(fresh.refresh()).ok();
    }

    @Test
    void onlyAdministratorsPurge() {
        String user = api.login(api.createUser(api.admin().access(), "nosy", "MANAGER").getString("username"), Api.PASSWORD).access();
        api.post("/api/auth/purge", user, null).problem(403);
        api.post("/api/auth/purge", null, null).problem(401);
    }

    private int purge() {
        return api.post("/api/auth/purge", api.admin().access(), null).ok().getInt("purged");
    }

    private Answer refresh(String token) {
        return api.post("/api/auth/refresh", null, Json.createObjectBuilder().add("refresh_token", token).build());
    }

    private static String detail(Answer answer) {
        return answer.problem(401).getString("detail");
    }
}
