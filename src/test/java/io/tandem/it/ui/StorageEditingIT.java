package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 000's editing promise in a real browser: two people edit one storage system, nobody's saved work is lost,
 * nothing is retried without the user, and a field the user did not touch is never written.
 */
class StorageEditingIT {

    @Test
    void theSecondEditorSeesTheFirstsChange_andRefreshAndRetrySavesOnlyTheirOwnFieldOnTop() {
        JsonObject system = createSystem();
        User first = UiSession.createUser("ui-first");
        User second = UiSession.createUser("ui-second");
        try (UiSession a = UiSession.open(Viewport.DESKTOP); UiSession b = UiSession.open(Viewport.DESKTOP)) {
            Page pa = openEditor(a, first, system);
            Page pb = openEditor(b, second, system);

            pa.getByLabel("Location").fill("Hall B");
            pa.getByLabel("Notes").fill("moved by the first");
            pa.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(pa.getByRole(AriaRole.DIALOG)).isHidden();

            // The open editor says at once that someone saved the record it shows.
            assertThat(pb.getByRole(AriaRole.DIALOG).getByRole(AriaRole.STATUS))
                    .containsText(first.username() + " saved this record just now");

            pb.getByLabel("Vendor").fill("HPE");
            pb.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            Locator conflict = pb.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Someone else saved this first"));
            assertThat(conflict).isVisible();
            // Only the field the second user changed is "theirs"; the first user's fields are listed as kept.
            Locator yours = conflict.getByRole(AriaRole.TABLE).locator("tbody tr");
            assertThat(yours).hasCount(1);
            assertThat(yours.first()).containsText("Vendor");
            assertThat(yours.first()).containsText("HPE");
            assertThat(conflict.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Location")))
                    .containsText("Hall B");
            assertThat(conflict.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Location")))
                    .containsText(first.username());
            b.screenshot("conflict-dialog");
            b.assertNoSeriousAxeViolations();
            assertEquals(2, current(system).getInt("version"), "nothing was saved by the conflicting attempt");

            conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refresh & retry")).click();
            // Shown for review: the first user's values, the second user's change re-applied; not saved yet.
            assertThat(pb.getByLabel("Location")).hasValue("Hall B");
            assertThat(pb.getByLabel("Vendor")).hasValue("HPE");
            assertEquals(2, current(system).getInt("version"), "Refresh & retry only prepares the save");
            pb.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(pb.getByRole(AriaRole.DIALOG)).isHidden();

            JsonObject saved = current(system);
            assertEquals(3, saved.getInt("version"));
            assertEquals("HPE", saved.getString("vendor"));
            assertEquals("Hall B", saved.getString("location"));
            assertEquals("moved by the first", saved.getString("notes"));
            assertEquals(system.getString("serial_number"), saved.getString("serial_number"));
            a.assertNoBrowserErrorsButRefusals();
            b.assertNoBrowserErrorsButRefusals();
        }
    }

    @Test
    void cancelAndEscapeKeepTheEditorOpenWithTheUsersEdit_andNothingIsSaved() {
        JsonObject system = createSystem();
        User user = UiSession.createUser("ui-cancel");
        try (UiSession session = UiSession.open(Viewport.TABLET)) {
            Page page = openEditor(session, user, system);
            patchAsAdmin(system, Json.createObjectBuilder().add("notes", "meanwhile").build());

            page.getByLabel("Model").fill("FS9200");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            Locator conflict = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Someone else saved this first"));
            conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(conflict).isHidden();
            assertThat(page.getByLabel("Model")).hasValue("FS9200");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(conflict).isVisible();
            page.keyboard().press("Escape");
            assertThat(conflict).isHidden();
            assertThat(page.getByLabel("Model")).hasValue("FS9200");

            JsonObject saved = current(system);
            assertEquals(2, saved.getInt("version"), "neither Cancel nor Escape saved anything");
            assertEquals("meanwhile", saved.getString("notes"));
            assertEquals(true, saved.isNull("model"));
        }
    }

    @Test
    void aSaveWritesOnlyTheFieldsTheUserChanged() {
        JsonObject system = createSystem();
        User user = UiSession.createUser("ui-one-field");
        try (UiSession session = UiSession.open(Viewport.DESKTOP)) {
            Page page = openEditor(session, user, system);
            page.getByLabel("Location").fill("Row 4");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();

            JsonObject saved = current(system);
            assertEquals("Row 4", saved.getString("location"));
            assertEquals(system.getString("serial_number"), saved.getString("serial_number"));
            assertEquals(system.getString("vendor"), saved.getString("vendor"));
            // The revision records exactly one changed field: nothing else was sent.
            JsonObject history = UiSession.api().get("/api/storage/" + system.getInt("id") + "/history?size=1&page=1", admin()).ok();
            assertEquals(1, history.getJsonArray("items").getJsonObject(0).getJsonArray("changes").size(),
                    history::toString);
            session.screenshot("storage-systems");
            session.assertNoBrowserErrors();
        }
    }

    @Test
    void storageScreenIsAccessibleAtDesktopAndTabletSize() {
        createSystem();
        User user = UiSession.createUser("ui-storage");
        for (Viewport viewport : Viewport.values()) {
            try (UiSession session = UiSession.open(viewport)) {
                Page page = session.signIn(user);
                page.navigate("/#/storage");
                assertThat(page.locator("table.data tbody tr").first()).isVisible();
                assertEquals(viewport.width, (int) page.evaluate("document.documentElement.scrollWidth"),
                        "no horizontal scrolling at " + viewport);
                session.assertNoSeriousAxeViolations();
                session.screenshot("storage");
                session.assertNoBrowserErrors();
            }
        }
    }

    private static Page openEditor(UiSession session, User user, JsonObject system) {
        Page page = session.signIn(user);
        page.navigate("/#/storage");
        page.getByLabel("Filter Storage systems").fill(system.getString("name"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(system.getString("name")).setExact(true)).click();
        assertThat(page.getByLabel("Vendor")).hasValue(system.getString("vendor"));
        return page;
    }

    private static JsonObject createSystem() {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        return UiSession.api().post("/api/storage", admin(), Json.createObjectBuilder()
                .add("name", name).add("vendor", "IBM").add("serial_number", "SN-" + name).build()).ok();
    }

    private static void patchAsAdmin(JsonObject system, JsonObject changes) {
        UiSession.api().send("PATCH", "/api/storage/" + system.getInt("id"), admin(), "application/merge-patch+json",
                changes.toString(), "If-Match", "\"" + current(system).getInt("version") + "\"").ok();
    }

    private static JsonObject current(JsonObject system) {
        return UiSession.api().get("/api/storage/" + system.getInt("id"), admin()).ok();
    }

    private static String admin() {
        Api api = UiSession.api();
        return api.admin().access();
    }
}
