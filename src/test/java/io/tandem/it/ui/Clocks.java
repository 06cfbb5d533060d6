package io.tandem.it.ui;

import com.microsoft.playwright.Clock;
import io.tandem.it.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The server's clock and the browsers' clocks, moved together, so a test can let minutes or hours pass without
 * waiting: an access token expires, a lease lapses, a presence entry ages out, and the page's own timers (token
 * refresh, heartbeats, reconnects) fire as they would have.
 * <p>
 * {@link #freeze} stops the server clock ({@link Api#moveClock} with zero) and installs Playwright's fake clock in
 * each session's context, set to the server's time. Call it <b>before</b> the sessions open a page: only timers a
 * page schedules after the install are under the fake clock. The browser clock then runs on with real time from
 * there (a few seconds ahead of the frozen server at most, so keep margins of a minute or more); the server's stands.
 * {@link #advance} moves the server clock on by the same amount and fast-forwards each browser like a laptop waking
 * from sleep: every timer that came due fires once. {@link #close} lets the server clock run with real time again;
 * the browser clocks go with their contexts.
 * <pre>{@code
 * try (UiSession a = UiSession.open(DESKTOP); Clocks clocks = Clocks.freeze(a)) {
 *     a.signIn(user);
 *     clocks.advance(Duration.ofMinutes(16));   // past tandem.auth.access-token-ttl (PT15M)
 *     ... the page refreshed its token (or shows the sign-in form, if refreshing is what is tested)
 * }
 * }</pre>
 */
public final class Clocks implements AutoCloseable {

    private final List<UiSession> sessions;
    private Duration offset = Duration.ZERO;

    private Clocks(List<UiSession> sessions) {
        this.sessions = sessions;
    }

    /** Stops the server clock and sets each session's browser clock to the server's time (before opening pages). */
    public static Clocks freeze(UiSession... sessions) {
        Api api = UiSession.api();
        api.moveClock(Duration.ZERO);
        Clocks clocks = new Clocks(List.of(sessions));
        Instant serverNow = clocks.serverNow();
        for (UiSession session : sessions) {
            session.context().clock().install(new Clock.InstallOptions().setTime(serverNow.toEpochMilli()));
        }
        return clocks;
    }

    /** Moves the server clock and every session's browser clock on by {@code amount}. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Clocks only move forward: " + amount);
        }
        offset = offset.plus(amount);
        // The server first, so what the pages do when their timers fire already meets the later server time.
        UiSession.api().moveClock(offset);
        for (UiSession session : sessions) {
            session.context().clock().fastForward(amount.toMillis());
        }
    }

    /** The server's time now (frozen while these clocks are). */
    public Instant serverNow() {
        Api api = UiSession.api();
        return Instant.parse(api.get("/api/test/clock", api.admin().access()).ok().getString("now"));
    }

    /** Lets the server clock run with real time again. */
    @Override
    public void close() {
        UiSession.api().resetClock();
    }
}
