package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.RackScreens.Rack;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tandem.it.ui.RackScreens.attention;
import static io.tandem.it.ui.RackScreens.attentionItems;
import static io.tandem.it.ui.RackScreens.chooseFloor;
import static io.tandem.it.ui.RackScreens.claim;
import static io.tandem.it.ui.RackScreens.claimButton;
import static io.tandem.it.ui.RackScreens.countdown;
import static io.tandem.it.ui.RackScreens.itemCode;
import static io.tandem.it.ui.RackScreens.leaseLostBanner;
import static io.tandem.it.ui.RackScreens.offlineNote;
import static io.tandem.it.ui.RackScreens.openList;
import static io.tandem.it.ui.RackScreens.scan;
import static io.tandem.it.ui.RackScreens.scanRow;
import static io.tandem.it.ui.RackScreens.sessionTitle;
import static io.tandem.it.ui.RackScreens.signOut;
import static io.tandem.it.ui.RackScreens.takenRow;
import static io.tandem.it.ui.RackScreens.waiting;
import static io.tandem.it.ui.RackScreens.waitingCount;
import static io.tandem.it.ui.UiSession.Viewport.DESKTOP;
import static io.tandem.it.ui.UiSession.Viewport.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rack audits on a tablet (seed 002, issue #10): claims seen live by others, scanning offline into the queue and
 * syncing exactly once when the network returns, a lapsed lease whose records never count for a later claim, and a
 * shared tablet where the next user sees nothing of the previous one's queue. The server clock stands still in
 * every test ({@link Clocks}), so no lease lapses because this machine is slow; one test moves it on on purpose.
 */
class RackAuditsIT {

    private final Api api = UiSession.api();

    @Test
    void aRackClaimedInOneBrowserShowsAsTakenInTheOther_live() {
        Rack rack = RackScreens.newRack();
        User alice = UiSession.createUser("ui-rack-a", "USER");
        User bob = UiSession.createUser("ui-rack-b", "USER");
        try (UiSession a = UiSession.open(TABLET); UiSession b = UiSession.open(DESKTOP); Clocks clocks = Clocks.freeze(a, b)) {
            a.signIn(alice);
            b.signIn(bob);
            openList(a.page());
            openList(b.page());
            chooseFloor(a.page(), rack.floor());
            chooseFloor(b.page(), rack.floor());
            assertThat(claimButton(b.page(), rack.id())).isVisible();
            assertThat(takenRow(b.page(), rack.id())).hasCount(0);
            b.page().evaluate("() => { window.notReloaded = true; }");
            RackScreens.waitUntilLive(b.page());

            claim(a.page(), rack.id());

            assertThat(takenRow(b.page(), rack.id())).containsText(alice.username());
            assertThat(takenRow(b.page(), rack.id())).containsText("Auditing");
            assertThat(claimButton(b.page(), rack.id())).hasCount(0);

            // Released in A's browser: free again in B's, also without a reload.
            a.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release rack")).click();
            a.page().getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Release").setExact(true)).click();
            assertThat(claimButton(b.page(), rack.id())).isVisible();
            assertThat(takenRow(b.page(), rack.id())).hasCount(0);
            assertEquals(true, b.page().evaluate("() => window.notReloaded === true"), "B's page was never reloaded");
            a.assertNoBrowserErrors();
            b.assertNoBrowserErrors();
        }
    }

    @Test
    void scansRecordedOffline_areQueued_andSyncExactlyOnceWhenTheBrowserIsBackOnline() {
        Rack rack = RackScreens.newRack();
        User alice = UiSession.createUser("ui-rack-offline", "USER");
        try (UiSession ui = UiSession.open(TABLET); Clocks clocks = Clocks.freeze(ui)) {
            Page page = ui.page();
            List<JsonObject> sent = sentRecords(page);
            ui.signIn(alice);
            openList(page);
            chooseFloor(page, rack.floor());
            claim(page, rack.id());
            String token = api.login(alice.username(), alice.password()).access();
            String session = onlySession(token);

            ui.context().setOffline(true);
            assertThat(offlineNote(page)).isVisible();
            scan(page, "A-1", 10);
            scan(page, "A-2", 4, 1, "SN-1\nSN-2");
            scan(page, "B-7", 3);
            assertThat(waiting(page)).hasText(waitingCount(3));
            assertThat(scanRow(page, "A-2")).containsText("waiting");
            assertEquals(List.of(), sent, "nothing is even tried while the browser is offline");

            ui.context().setOffline(false);
            assertThat(waiting(page)).hasText(waitingCount(0));
            assertThat(offlineNote(page)).isHidden();
            for (String item : List.of("A-1", "A-2", "B-7")) {
                assertThat(scanRow(page, item)).containsText("saved");
            }

            Map<String, JsonObject> items = items(session, token);
            assertEquals(3, items.size(), items::toString);
            assertEquals(10, items.get("A-1").getInt("verified_qty"));
            assertEquals(4, items.get("A-2").getInt("verified_qty"));
            assertEquals(1, items.get("A-2").getInt("damage_qty"));
            assertEquals("damaged", items.get("A-2").getString("status"));
            assertEquals("[\"SN-1\",\"SN-2\"]", items.get("A-2").getString("serial_numbers"));
            JsonObject stats = api.get("/api/sessions/" + session + "/stats", token).ok();
            assertEquals(2, stats.getInt("verified_items"));
            assertEquals(1, stats.getInt("damage_items"));

            // Offline and online once more, then one more scan: the three synced records are never sent again.
            ui.context().setOffline(true);
            ui.context().setOffline(false);
            scan(page, "C-9", 2);
            assertThat(scanRow(page, "C-9")).containsText("saved");
            Map<String, Long> timesSent = sent.stream().collect(Collectors.groupingBy(r -> r.getString("client_record_id"), Collectors.counting()));
            assertEquals(4, timesSent.size(), timesSent::toString);
            assertTrue(timesSent.values().stream().allMatch(n -> n == 1), () -> "each record sent once: " + timesSent);
            assertEquals(4, items(session, token).size());
            assertNoBrowserErrorsButOfflineRequests(ui);
        }
    }

    @Test
    void recordsOfALapsedLease_areNotSentUnderALaterClaim_andAreShownAsNeedingAttention() {
        Rack rack = RackScreens.newRack();
        User alice = UiSession.createUser("ui-rack-lapse", "USER");
        try (UiSession ui = UiSession.open(TABLET); Clocks clocks = Clocks.freeze(ui)) {
            Page page = ui.page();
            List<JsonObject> sent = sentRecords(page);
            ui.signIn(alice);
            openList(page);
            chooseFloor(page, rack.floor());
            claim(page, rack.id());
            String first = onlySession(api.login(alice.username(), alice.password()).access());

            ui.context().setOffline(true);
            scan(page, "A-1", 4);
            scan(page, "A-2", 6);
            assertThat(waiting(page)).hasText(waitingCount(2));

            // No heartbeat reaches the server from an offline tablet: by its clock the lease lapses (60 s) ...
            clocks.advance(Duration.ofMinutes(2));
            // ... and the same auditor claims the rack again (from another tablet): a new session, fencing token 2.
            String token = api.login(alice.username(), alice.password()).access();
            JsonObject again = api.post("/api/racks/" + rack.id() + "/claim", token,
                    Json.createObjectBuilder().add("floor", rack.floor()).build()).ok();
            String second = again.getString("session_id");
            assertEquals(2, again.getInt("fencing_token"));

            ui.context().setOffline(false);
            assertThat(leaseLostBanner(page)).containsText("Scanning stopped");
            assertThat(itemCode(page)).isDisabled();
            assertThat(attentionItems(page)).hasCount(2);
            assertThat(attention(page)).containsText("Lease lost");
            assertThat(waiting(page)).hasText(waitingCount(0));
            ui.screenshot("rack-lease-lost");
            ui.assertNoSeriousAxeViolations();

            // The later claim is open to this browser too; what is scanned there is all it gets.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Open your current session on rack " + rack.id() + " (claim #2)")).click();
            assertThat(sessionTitle(page)).hasText("Rack " + rack.id());
            assertThat(page.locator(".session-head")).containsText("claim #2");
            scan(page, "B-7", 1);
            assertThat(scanRow(page, "B-7")).containsText("saved");
            assertThat(attentionItems(page)).hasCount(2);

            assertEquals(List.of("B-7"), List.copyOf(items(second, token).keySet()), "the later claim got only its own scan");
            assertEquals(Map.of(), items(first, token), "the lapsed claim got nothing either");
            for (JsonObject record : sent) {
                if (!record.getString("item_code").equals("B-7")) {
                    assertEquals(first, record.getString("session_id"), () -> "a lapsed claim's record went out as " + record);
                    assertEquals(1, record.getInt("fencing_token"), () -> "a lapsed claim's record went out as " + record);
                }
            }

            // Still there, still tied to the lapsed claim, after a reload; nothing is sent without the user.
            page.reload();
            assertThat(attentionItems(page)).hasCount(2);
            assertThat(attentionItems(page).first()).containsText("claim #1");
            assertTrue(ui.pageErrors().isEmpty(), ui.pageErrors()::toString);  // its heartbeat's 409 is in the console, rightly
        }
    }

    @Test
    void anotherUserSigningInOnTheSameBrowser_seesNoneOfTheFirstUsersQueuedRecords() {
        Rack rack = RackScreens.newRack();
        Rack other = RackScreens.newRack();
        User alice = UiSession.createUser("ui-rack-first", "USER");
        User bob = UiSession.createUser("ui-rack-next", "USER");
        try (UiSession ui = UiSession.open(TABLET); Clocks clocks = Clocks.freeze(ui)) {
            Page page = ui.page();
            List<JsonObject> sent = sentRecords(page);
            ui.signIn(alice);
            openList(page);
            chooseFloor(page, rack.floor());
            claim(page, rack.id());
            String aliceSession = onlySession(api.login(alice.username(), alice.password()).access());
            ui.context().setOffline(true);
            scan(page, "A-1", 4);
            scan(page, "A-2", 6);
            assertThat(waiting(page)).hasText(waitingCount(2));
            signOut(page).click();
            assertThat(Selectors.signInForm(page)).isVisible();
            ui.context().setOffline(false);

            ui.signIn(bob);
            openList(page);
            assertThat(waiting(page)).hasText(waitingCount(0));
            // Bob works on this tablet: his own scan syncs, and it would go after Alice's if he could see them.
            chooseFloor(page, other.floor());
            claim(page, other.id());
            scan(page, "B-7", 1);
            assertThat(scanRow(page, "B-7")).containsText("saved");
            assertThat(waiting(page)).hasText(waitingCount(0));
            assertThat(attention(page)).hasCount(0);
            openList(page);
            assertThat(waiting(page)).hasText(waitingCount(0));
            assertThat(attention(page)).hasCount(0);
            assertEquals(List.of("B-7"), sent.stream().map(r -> r.getString("item_code")).toList(), "only Bob's record left while he was signed in");

            // Alice's records were kept for her, not lost: back on this tablet, they sync under her session.
            signOut(page).click();
            ui.signIn(alice);
            openList(page);
            assertThat(waiting(page)).hasText(waitingCount(0));
            Map<String, JsonObject> items = items(aliceSession, api.login(alice.username(), alice.password()).access());
            assertEquals(List.of("A-1", "A-2"), List.copyOf(items.keySet()));
            assertNoBrowserErrorsButOfflineRequests(ui);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theRackScreens_haveNoSeriousAccessibilityViolations(Viewport viewport) {
        Rack rack = RackScreens.newRack();
        String held = RackScreens.newRack(rack.floor());
        User alice = UiSession.createUser("ui-rack-axe", "USER");
        User bob = UiSession.createUser("ui-rack-holder", "USER");
        String bobToken = api.login(bob.username(), bob.password()).access();
        try (UiSession ui = UiSession.open(viewport); Clocks clocks = Clocks.freeze(ui)) {
            api.post("/api/racks/" + held + "/claim", bobToken, Json.createObjectBuilder().add("floor", rack.floor()).build()).ok();
            Page page = ui.page();
            ui.signIn(alice);
            openList(page);
            chooseFloor(page, rack.floor());
            assertThat(takenRow(page, held)).containsText(bob.username());
            assertThat(claimButton(page, rack.id())).isVisible();
            // Signing in opened the first area, then this one at once: only this one is on screen.
            assertThat(page.locator("#view > .area")).hasCount(1);
            ui.screenshot("racks");
            ui.assertNoSeriousAxeViolations();

            claim(page, rack.id());
            scan(page, "A-1", 10);
            scan(page, "A-2", 4, 1, "SN-1");
            assertThat(scanRow(page, "A-2")).containsText("saved");
            assertThat(page.locator("[data-stat='Verified']")).hasText("1");
            // The countdown moves every second, from the server's time left at the last heartbeat, not in 25 s jumps.
            page.evaluate("() => { window.ticks = 0; new MutationObserver(() => { window.ticks += 1; })"
                    + ".observe(document.querySelector('[role=timer]'), { childList: true, characterData: true, subtree: true }); }");
            page.waitForFunction("() => window.ticks >= 3");
            assertThat(countdown(page)).hasText(Pattern.compile("^[01]:\\d\\d$"));
            ui.screenshot("rack-session");
            ui.assertNoSeriousAxeViolations();
            assertTrue(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue() <= viewport.width,
                    "no horizontal scrolling at " + viewport);
            ui.assertNoBrowserErrors();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Every record the page puts into a POST /api/sync/batch, in order (also ones that could not be delivered). */
    private static List<JsonObject> sentRecords(Page page) {
        List<JsonObject> sent = Collections.synchronizedList(new ArrayList<>());
        page.onRequest(request -> {
            if ("POST".equals(request.method()) && request.url().endsWith("/api/sync/batch")) {
                try (var reader = Json.createReader(new StringReader(request.postData()))) {
                    reader.readObject().getJsonArray("records").forEach(r -> sent.add(r.asJsonObject()));
                }
            }
        });
        return sent;
    }

    private String onlySession(String token) {
        JsonArray active = api.get("/api/racks/user/active", token).array();
        assertEquals(1, active.size(), active::toString);
        return active.getJsonObject(0).getString("id");
    }

    /** The session's items on the server, by item code. */
    private Map<String, JsonObject> items(String session, String token) {
        return api.get("/api/sessions/" + session + "/items", token).array().stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(i -> i.getString("item_code"), Function.identity(), (x, y) -> x, TreeMap::new));
    }

    /**
     * Fails on any uncaught exception and any console error but Chromium's own line for each request that could not
     * leave while the browser was offline ("net::ERR_INTERNET_DISCONNECTED").
     */
    private static void assertNoBrowserErrorsButOfflineRequests(UiSession ui) {
        List<String> errors = new ArrayList<>(ui.pageErrors());
        ui.consoleErrors().stream().filter(e -> !e.contains("net::ERR_INTERNET_DISCONNECTED")).forEach(errors::add);
        assertTrue(errors.isEmpty(), () -> "the browser reported errors:\n  " + String.join("\n  ", errors));
    }
}
