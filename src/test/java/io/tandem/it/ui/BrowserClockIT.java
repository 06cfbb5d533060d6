package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Clocks} works with this Chromium and this server: the browser's time starts at the server's, and both move
 * on together, far enough to expire an access token ({@code tandem.auth.access-token-ttl}, PT15M), without waiting.
 * Checked on a plain page timer, not on the UI's behaviour, so it holds whatever the screens do.
 */
class BrowserClockIT {

    @Test
    void theBrowserAndTheServerClockMoveTogether() {
        Api api = UiSession.api();
        User user = UiSession.createUser("ui-clock");
        try (UiSession ui = UiSession.open(Viewport.DESKTOP); Clocks clocks = Clocks.freeze(ui)) {
            Instant start = clocks.serverNow();
            Page page = ui.open("/");
            String token = api.login(user.username(), user.password()).access();
            // The browser clock runs on from the server's frozen time: seconds ahead at most.
            long browserStart = browserNow(page);
            assertTrue(browserStart >= start.toEpochMilli() && browserStart < start.toEpochMilli() + 60_000,
                    () -> "browser " + Instant.ofEpochMilli(browserStart) + " vs server " + start);
            page.evaluate("() => { window.fired = false; setTimeout(() => { window.fired = true; }, 16 * 60 * 1000); }");

            clocks.advance(Duration.ofMinutes(1));
            assertEquals(false, page.evaluate("() => window.fired"), "a 16-minute timer must not fire after 1 minute");
            assertEquals(200, api.get("/api/auth/me", token).status(), "the token is valid for 15 minutes");

            clocks.advance(Duration.ofMinutes(15));
            assertEquals(true, page.evaluate("() => window.fired"), "fast-forward fires the timer that came due");
            assertTrue(browserNow(page) >= browserStart + Duration.ofMinutes(16).toMillis());
            assertEquals(start.plus(Duration.ofMinutes(16)), clocks.serverNow(), "the server moved as far, exactly");
            api.get("/api/auth/me", token).problem(401);
        }
        // Closing the clocks let the server's run with real time again.
        Instant serverNow = Instant.parse(api.get("/api/test/clock", api.admin().access()).ok().getString("now"));
        assertTrue(Duration.between(serverNow, Instant.now()).abs().toMinutes() < 1, serverNow::toString);
    }

    private static long browserNow(Page page) {
        return ((Number) page.evaluate("() => Date.now()")).longValue();
    }
}
