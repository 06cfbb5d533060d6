package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The administration area in a real browser: an administrator creates a user and makes them a manager, renames a
 * user someone else changed meanwhile without undoing that change, a manager releases someone else's stuck rack
 * claim, the activity feed shows other people's changes as they happen (and holds them back while paused), and
 * every tab passes the accessibility check at desktop and tablet size.
 */
class AdministrationIT {

    private static final Api API = UiSession.api();

    @Test
    void anAdministratorCreatesAUser_andMakesThemAManager() {
        User admin = UiSession.createUser("ui-admin", "ADMIN");
        String username = "ui-new-" + UUID.randomUUID().toString().substring(0, 8);
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(admin);
            page.navigate("/#/admin/users");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
            Locator form = dialog(page, "New user");
            form.getByLabel("Username").fill(username);
            form.getByLabel("First name").fill("Nora");
            form.getByLabel("Last name").fill("Newcomer");
            form.getByLabel("Initial password").fill(Api.PASSWORD);
            assertThat(form.getByLabel("USER", new Locator.GetByLabelOptions().setExact(true))).isChecked();
            button(form, "Create user").click();
            assertThat(form).isHidden();

            filterUsers(page, username);
            button(page, "Roles of " + username).click();
            Locator roles = dialog(page, "Roles of " + username);
            roles.getByLabel("MANAGER", new Locator.GetByLabelOptions().setExact(true)).check();
            button(roles, "Save roles").click();
            assertThat(roles).isHidden();
            assertThat(userRow(page, username).locator(".role")).hasText(new String[]{"MANAGER", "USER"});
            ui.assertNoBrowserErrors();
        }
        JsonObject created = findUser(username);
        assertEquals("Nora", created.getString("first_name"));
        assertEquals(List.of("MANAGER", "USER"), created.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertEquals(2, created.getInt("version"));
        assertEquals(admin.username(), created.getString("last_modified_by"));
    }

    /** The name is saved with a full PUT: a field the administrator did not touch must not undo another's change. */
    @Test
    void renamingAUserSomeoneElseChanged_keepsTheirChange_afterRefreshAndRetry() {
        User admin = UiSession.createUser("ui-admin", "ADMIN");
        User renamed = UiSession.createUser("ui-renamed", "USER");
        String path = "/api/users/" + renamed.json().getInt("id");
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(admin);
            page.navigate("/#/admin/users");
            filterUsers(page, renamed.username());
            button(page, renamed.username()).click();
            Locator editor = dialog(page, "Edit user " + renamed.username());
            editor.getByLabel("Last name").fill("Changed-By-Ui");

            // Meanwhile another administrator changes the first name.
            Api.Answer other = API.send("PUT", path, API.admin().access(), "application/json",
                    "{\"first_name\": \"Changed-By-Api\", \"last_name\": \"" + renamed.json().getString("last_name") + "\"}",
                    "If-Match", "\"" + renamed.json().getInt("version") + "\"");
            assertEquals(200, other.status(), other.body());
            assertThat(editor.getByRole(AriaRole.STATUS)).containsText("saved this record just now");

            button(editor, "Save").click();
            Locator conflict = dialog(page, "Someone else saved this first");
            button(conflict, "Refresh & retry").click();
            assertThat(editor.getByLabel("First name")).hasValue("Changed-By-Api");
            assertThat(editor.getByLabel("Last name")).hasValue("Changed-By-Ui");
            button(editor, "Save").click();
            assertThat(editor).isHidden();
            assertNoBrowserErrorsBut(ui, "status of 412");
        }
        JsonObject saved = API.get(path, API.admin().access()).ok();
        assertEquals("Changed-By-Api", saved.getString("first_name"));
        assertEquals("Changed-By-Ui", saved.getString("last_name"));
        assertEquals(3, saved.getInt("version"));
    }

    @Test
    void aManagerReleasesAnotherUsersClaim_fromTheRackClaimsTab() {
        User manager = UiSession.createUser("ui-manager", "MANAGER");
        User holder = UiSession.createUser("ui-holder", "USER");
        String rack = newRack();
        String holderToken = API.login(holder.username(), holder.password()).access();
        JsonObject claim = API.post("/api/racks/" + rack + "/claim", holderToken, Json.createObjectBuilder().build()).ok();

        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(manager);
            page.navigate("/#/admin/claims");
            assertThat(page.getByRole(AriaRole.TAB)).hasText(new String[]{"Rack claims", "Activity"});
            Locator row = page.locator("tr[data-rack='" + rack + "']");
            assertThat(row).containsText(holder.username());

            button(row, "Release rack " + rack + " held by " + holder.username()).click();
            Locator confirm = dialog(page, "Release rack claim");
            Response released = page.waitForResponse(r -> r.url().endsWith("/api/racks/" + rack + "/release"),
                    () -> button(confirm, "Release").click());
            assertEquals(200, released.status());
            assertThat(row).hasCount(0);
            ui.assertNoBrowserErrors();
        }
        assertEquals("available", API.get("/api/racks/" + rack + "/status", holderToken).ok().getString("status"));
        JsonObject lost = API.post("/api/sessions/" + claim.getString("session_id") + "/heartbeat", holderToken,
                Json.createObjectBuilder().add("fencing_token", claim.getJsonNumber("fencing_token")).build()).problem(409);
        assertEquals("lease_lost", lost.getString("reason"));
    }

    @Test
    void theActivityFeedShowsAnotherUsersChangeWithoutAReload_andHoldsItBackWhilePaused() {
        User manager = UiSession.createUser("ui-watcher", "MANAGER");
        User other = UiSession.createUser("ui-changer", "USER");
        String otherToken = API.login(other.username(), other.password()).access();
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(manager);
            page.navigate("/#/admin/activity");
            Locator feed = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Activity, newest first"));
            // The feed shows what happens once it is on screen and the stream is connected.
            assertThat(button(page, "Pause")).isVisible();
            assertThat(page.locator("#live-indicator")).hasText("Live");

            long created = createStorageSystem(otherToken);
            // Playwright runs the pattern as a JavaScript RegExp, which knows no \Q…\E: the username (letters, digits
            // and dashes here) goes in as it is.
            Locator entry = feed.locator("li").filter(new Locator.FilterOptions().setHasText(
                    Pattern.compile(other.username() + " created " + recordNumber(created).pattern())));
            assertThat(entry).hasCount(1);

            button(page, "Pause").click();
            long held = createStorageSystem(otherToken);
            // Other tests' leases may lapse meanwhile: at least this one change is held back.
            assertThat(page.getByText(Pattern.compile("^Paused: [1-9]\\d* new entr(y|ies) held back\\.$"))).isVisible();
            Locator heldEntry = feed.locator("li").filter(new Locator.FilterOptions().setHasText(recordNumber(held)));
            assertThat(heldEntry).hasCount(0);
            button(page, "Resume").click();
            assertThat(heldEntry).hasCount(1);
            assertThat(heldEntry.locator("xpath=following-sibling::li").filter(new Locator.FilterOptions()
                    .setHasText(recordNumber(created)))).hasCount(1);
            ui.assertNoBrowserErrors();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void everyTab_hasNoSeriousAccessibilityViolations(Viewport viewport) {
        User admin = UiSession.createUser("ui-admin", "ADMIN");
        String rack = newRack();
        User holder = UiSession.createUser("ui-holder", "USER");
        String holderToken = API.login(holder.username(), holder.password()).access();
        API.post("/api/racks/" + rack + "/claim", holderToken, Json.createObjectBuilder().build()).ok();
        try (UiSession ui = UiSession.open(viewport)) {
            Page page = ui.signIn(admin);

            page.navigate("/#/admin/users");
            assertThat(page.locator(".admin-users table.data tbody tr").first()).isVisible();
            check(ui, "admin-users");
            button(page, "New user").click();
            assertThat(dialog(page, "New user")).isVisible();
            check(ui, "admin-new-user");
            page.keyboard().press("Escape");

            page.navigate("/#/admin/claims");
            assertThat(page.locator("tr[data-rack='" + rack + "']")).isVisible();
            check(ui, "admin-claims");

            staleSave(holderToken);
            page.navigate("/#/admin/conflicts");
            assertThat(page.locator(".conflict-counts tr[data-type=storage_system]")).containsText("storage system");
            check(ui, "admin-conflicts");

            page.navigate("/#/admin/activity");
            assertThat(button(page, "Pause")).isVisible();
            assertThat(page.locator("#live-indicator")).hasText("Live");
            long created = createStorageSystem(holderToken);
            assertThat(page.locator(".feed li").filter(new Locator.FilterOptions().setHasText(recordNumber(created)))).hasCount(1);
            check(ui, "admin-activity");
        }
    }

    /** Like {@link UiSession#assertNoBrowserErrors()}, but the browser's own log line of the expected refusal passes. */
    private static void assertNoBrowserErrorsBut(UiSession ui, String expected) {
        assertEquals(List.of(), ui.pageErrors());
        assertEquals(List.of(), ui.consoleErrors().stream().filter(e -> !e.contains(expected)).toList());
        assertEquals(1, ui.consoleErrors().stream().filter(e -> e.contains(expected)).count(), "the refusal happened once");
    }

    private static void check(UiSession ui, String screen) {
        ui.screenshot(screen);
        ui.assertNoSeriousAxeViolations();
        assertEquals(ui.viewport() == Viewport.TABLET ? 800 : 1280,
                ((Number) ui.page().evaluate("() => document.documentElement.scrollWidth")).intValue(),
                screen + " scrolls sideways");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Locator dialog(Page page, String title) {
        return page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Locator within, String name) {
        return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The suite's database holds many users: the list is filtered down to the one a test works on. */
    private static void filterUsers(Page page, String username) {
        page.getByLabel("Filter Users").fill(username);
        assertThat(page.locator(".admin-users table.data tbody tr")).hasCount(1);
        assertThat(userRow(page, username)).isVisible();
    }

    private static Locator userRow(Page page, String username) {
        return page.locator(".admin-users table.data tbody tr").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(username).setExact(true))));
    }

    private static JsonObject findUser(String username) {
        return API.get("/api/users?size=500&q=" + username, API.admin().access()).ok().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(u -> u.getString("username").equals(username))
                .findFirst().orElseThrow(() -> new AssertionError("no user " + username));
    }

    /** A floor and a rack of their own (names are unique per run), created by the administrator. */
    private static String newRack() {
        String admin = API.admin().access();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String floor = "ui-floor-" + suffix;
        String rack = "ui-rack-" + suffix;
        assertEquals(201, API.post("/api/racks/floors", admin, Json.createObjectBuilder().add("name", floor).build()).status());
        assertEquals(201, API.post("/api/racks", admin, Json.createObjectBuilder().add("rack_id", rack).add("floor", floor).build()).status());
        return rack;
    }

    /** A save with a version someone else has already replaced: one more conflict of a storage system. */
    private static void staleSave(String token) {
        String path = "/api/storage/" + createStorageSystem(token);
        for (int expected : new int[]{200, 412}) {
            Api.Answer answer = API.send("PATCH", path, token, "application/merge-patch+json", "{\"notes\": \"stale\"}",
                    "If-Match", "\"1\"");
            assertEquals(expected, answer.status(), answer.body());
        }
    }

    /** "storage system #12", not matching #123. */
    private static Pattern recordNumber(long id) {
        return Pattern.compile("storage system #" + id + "\\b");
    }

    private static long createStorageSystem(String token) {
        Api.Answer created = API.post("/api/storage", token, Json.createObjectBuilder()
                .add("name", "ui-activity-" + UUID.randomUUID().toString().substring(0, 8)).add("vendor", "IBM").build());
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }
}
