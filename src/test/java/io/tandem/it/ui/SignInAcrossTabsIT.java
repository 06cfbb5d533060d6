package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Staying signed in with several tabs: the tabs share one refresh token and refresh it once between them (two
 * refreshes of one token would look like theft and end the sign-in), a request that meets a 401 refreshes and
 * goes on, and signing out in one tab signs out all of them and leaves no credentials in the form.
 */
class SignInAcrossTabsIT {

    @Test
    void twoTabsStaySignedInPastTheAccessTokenLifetime_byOneSharedRefresh() {
        User user = UiSession.createUser("ui-tabs");
        String name = systemNamed();
        try (UiSession session = UiSession.open(Viewport.DESKTOP); Clocks clocks = Clocks.freeze(session)) {
            Page one = session.signIn(user);
            Page two = session.context().newPage();   // a second (or duplicated) tab of the same browser
            two.navigate("/#/storage");
            List<Page> tabs = List.of(one, two);
            for (int lifetime = 1; lifetime <= 3; lifetime++) {
                String before = accessToken(one);
                // Past tandem.auth.access-token-ttl (PT15M): each tab's refresh timer fires.
                clocks.advance(Duration.ofMinutes(16));
                waitForAnotherToken(one, before);
                for (Page tab : tabs) {
                    showsTheSystem(tab, name);
                }
            }
            // Timers that came due together may send a request with the old token before the refresh: a 401 that
            // the page answers by refreshing once and sending again.
            session.assertNoBrowserErrorsButRefusals();
        }
    }

    @Test
    void aRequestThatMeetsAnExpiredTokenRefreshesAndGoesOn() {
        User user = UiSession.createUser("ui-401");
        String name = systemNamed();
        Api api = UiSession.api();
        try (UiSession session = UiSession.open(Viewport.TABLET)) {
            Page page = session.signIn(user);
            page.navigate("/#/storage");
            String before = accessToken(page);
            api.moveClock(Duration.ofMinutes(16));   // only the server's: the page still thinks its token is fresh
            showsTheSystem(page, name);
            waitForAnotherToken(page, before);
            assertThat(Selectors.signInForm(page)).isHidden();
            session.assertNoBrowserErrorsButRefusals();
        } finally {
            api.resetClock();
        }
    }

    @Test
    void signingOutInOneTabSignsOutEveryTab_andLeavesTheFormEmpty() {
        User user = UiSession.createUser("ui-signout");
        try (UiSession session = UiSession.open(Viewport.DESKTOP)) {
            Page one = session.signIn(user);
            Page two = session.context().newPage();
            two.navigate("/#/storage");
            // Signed in there too (the form starts hidden, so wait for the signed-in screen itself).
            assertThat(two.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();

            one.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

            assertThat(Selectors.signInForm(one)).isVisible();
            assertThat(Selectors.signInForm(two)).isVisible();
            for (Page tab : List.of(one, two)) {
                assertThat(Selectors.usernameField(tab)).hasValue("");
                assertThat(Selectors.passwordField(tab)).hasValue("");
                // Posted, never sent as a query string, even if submitted before the script has loaded.
                assertThat(Selectors.signInForm(tab)).hasAttribute("method", "post");
            }
            // A request of the other tab that was under way when the sign-in ended met a 401; it was not retried.
            session.assertNoBrowserErrorsButRefusals();
        }
    }

    private static String systemNamed() {
        String name = "tabs-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = UiSession.api();
        api.post("/api/storage", api.admin().access(), Json.createObjectBuilder().add("name", name).build()).ok();
        return name;
    }

    /** Filters the storage list for the system: a fresh authenticated request from that tab. */
    private static void showsTheSystem(Page tab, String name) {
        // Emptied first: the same text typed again would not count as a change, and no request would be made.
        tab.getByLabel("Filter Storage systems").fill("");
        tab.getByLabel("Filter Storage systems").fill(name);
        assertThat(tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))).isVisible();
        assertThat(Selectors.signInForm(tab)).isHidden();
    }

    /** Polls (with Playwright's deadline, no sleep) until the tab holds an access token other than {@code before}. */
    private static void waitForAnotherToken(Page tab, String before) {
        tab.waitForFunction("before => JSON.parse(localStorage.getItem('tandem.auth'))?.access !== before", before,
                new Page.WaitForFunctionOptions().setPollingInterval(100));
        assertNotEquals(before, accessToken(tab));
    }

    private static String accessToken(Page tab) {
        return (String) tab.evaluate("JSON.parse(localStorage.getItem('tandem.auth')).access");
    }
}
