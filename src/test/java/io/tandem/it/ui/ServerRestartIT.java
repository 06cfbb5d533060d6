package io.tandem.it.ui;

import io.tandem.it.Api;
import io.tandem.it.Api.Tokens;
import io.tandem.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TestServer#restart()}, which the UI tests use for "the page recovers after the server restarts": the same
 * address, the same database, nothing of the old process's memory (a moved clock runs with real time again), and
 * clients made before the restart (this {@link Api}, every later test class) work on. Here, not in
 * {@code io.tandem.it}, because only the browser tests need it and they run on MariaDB only: a restart costs a boot.
 */
class ServerRestartIT {

    @Test
    void theServerComesBackAtTheSameAddressWithItsDataAndARunningClock() {
        URL address = TestServer.url();
        Api api = new Api(address);
        JsonObject user = api.createUser(api.admin().access(), "restart");
        Tokens signIn = api.login(user.getString("username"), Api.PASSWORD);
        api.moveClock(Duration.ofHours(2));   // kept in the old process's memory only
        int startsBefore = starts(TestServer.log());

        TestServer.restart();

        assertEquals(address, TestServer.url());
        JsonObject clock = api.get("/api/test/clock", api.admin().access()).ok();
        assertFalse(clock.getBoolean("frozen"), clock::toString);
        assertEquals(0, clock.getJsonNumber("offset_seconds").longValue(), clock::toString);
        assertTrue(Duration.between(Instant.parse(clock.getString("now")), Instant.now()).abs().toMinutes() < 1,
                clock::toString);
        // From the database: the user, and the sign-in whose tokens were issued by the old process.
        assertEquals(user.getString("username"),
                api.get("/api/auth/me", signIn.access()).ok().getString("username"));
        api.login(user.getString("username"), Api.PASSWORD);
        // The log goes on in the same file: the old process's output is still there, followed by the new one's.
        assertEquals(startsBefore + 1, starts(TestServer.log()));
    }

    /** How many times the log shows a start (the warning every start with clock control logs). */
    private static int starts(String log) {
        return log.split("tandem.test.clock-control is ON", -1).length - 1;
    }
}
