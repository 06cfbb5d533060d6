package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tandem.it.Api;
import io.tandem.it.TestServer;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeds 000/001 live: A sees B come online, choose a customer and save a change, all without reloading; and after
 * the server restarts, A's screen reconnects by itself and changes arrive again.
 */
class LiveUpdatesIT {

    /** A reconnect waits for a Payara boot (30–45 s on a busy 2-core machine) plus the stream's backoff. */
    private static final double RECONNECT_DEADLINE_MILLIS = 180_000;

    @Test
    void aSeesBsPresenceCustomerAndChangesLive_andTheStreamResumesAfterARestart() {
        String prefix = "live-" + UUID.randomUUID().toString().substring(0, 8);
        User a = UiSession.createUser("ui-watcher");
        User b = UiSession.createUser("ui-worker");
        Api api = UiSession.api();
        String customer = prefix + "-customer";
        api.post("/api/core/customers", api.admin().access(), Json.createObjectBuilder().add("name", customer).build()).ok();

        try (UiSession sa = UiSession.open(Viewport.DESKTOP); UiSession sb = UiSession.open(Viewport.TABLET)) {
            Page pa = sa.signIn(a);
            pa.navigate("/#/storage");
            pa.getByLabel("Filter Storage systems").fill(prefix);
            assertThat(pa.getByText("Nothing matches the filter.")).isVisible();

            Page pb = sb.signIn(b);
            Locator bInPanel = pa.locator("aside#presence li[data-username='" + b.username() + "']");
            assertThat(bInPanel).isVisible();

            pb.getByLabel("Active customer").selectOption(customer);
            assertThat(bInPanel).containsText(customer);

            String bToken = api.login(b.username(), b.password()).access();
            api.post("/api/storage", bToken, Json.createObjectBuilder().add("name", prefix + "-before").build()).ok();
            Locator before = pa.getByRole(com.microsoft.playwright.options.AriaRole.ROW).filter(
                    new Locator.FilterOptions().setHasText(prefix + "-before"));
            assertThat(before).isVisible();
            // Changed by someone else just now: marked, with who did it.
            assertThat(before).containsText("changed");
            assertThat(before).containsText(b.username());
            sa.screenshot("live-storage");

            TestServer.restart();

            assertThat(pa.locator("#live-indicator")).hasText("Live",
                    new LocatorAssertions.HasTextOptions().setTimeout(RECONNECT_DEADLINE_MILLIS));
            api.post("/api/storage", api.login(b.username(), b.password()).access(),
                    Json.createObjectBuilder().add("name", prefix + "-after").build()).ok();
            assertThat(pa.getByRole(com.microsoft.playwright.options.AriaRole.ROW).filter(
                    new Locator.FilterOptions().setHasText(prefix + "-after"))).isVisible();
            // The restart cut the stream off (Chromium logs that as a network error); no script failed over it.
            assertEquals(List.of(), sa.pageErrors());
        }
    }
}
