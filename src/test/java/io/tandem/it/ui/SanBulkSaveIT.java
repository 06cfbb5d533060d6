package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAN bulk save never writes a field the user did not touch (seed 000, issue 10): the bulk API replaces whole
 * items, so the grid sends each alias as loaded plus the user's changes, with the loaded version. Two ways another
 * person's change of field X meets this user's change of field Y of the same alias:
 * <ul>
 * <li>it arrives before the user edits the row: the row takes it live, and the save carries X as the other saved it;</li>
 * <li>it arrives while the user has the row changed: the save is refused for that alias (the other aliases are
 * saved), "Refresh failed rows" loads X as saved and re-applies Y, and "Retry failed" sends that alias alone.</li>
 * </ul>
 * Either way X keeps the other person's value, asserted through the API.
 */
class SanBulkSaveIT {

    private static final String ALIASES_SAVE = "/api/san/aliases/save";

    private final Api api = UiSession.api();

    @Test
    void aFieldTheUserDidNotTouchKeepsTheOtherUsersValue_throughTheBulkSave() {
        User alice = UiSession.createUser("ui-san-a", "USER");
        User bob = UiSession.createUser("ui-san-b", "USER");
        String aliceToken = api.login(alice.username(), alice.password()).access();
        String bobToken = api.login(bob.username(), bob.password()).access();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long customer = api.post("/api/core/customers", aliceToken, Json.createObjectBuilder().add("name", "SAN UI " + tag).build())
                .ok().getJsonNumber("id").longValue();
        long project = api.post("/api/core/projects", aliceToken, Json.createObjectBuilder().add("customer_id", customer)
                .add("name", "Fabric " + tag).build()).ok().getJsonNumber("id").longValue();
        long storage = api.post("/api/storage", aliceToken, Json.createObjectBuilder().add("name", "DS-" + tag).build())
                .ok().getJsonNumber("id").longValue();
        api.post("/api/storage/" + storage + "/import", aliceToken, Json.createObjectBuilder().add("hosts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("external_id", "h-" + tag).add("name", "db-" + tag))).build()).ok();
        long host = api.get("/api/storage/" + storage + "/hosts", aliceToken).array().getJsonObject(0).getJsonNumber("id").longValue();
        String stale = "stale_" + tag;
        String live = "live_" + tag;
        String untouched = "other_" + tag;
        JsonArray aliases = api.post(ALIASES_SAVE, aliceToken, Json.createObjectBuilder().add("project_id", project)
                .add("aliases", Json.createArrayBuilder()
                        .add(alias(stale, "50:00:00:00:00:00:00:01"))
                        .add(alias(live, "50:00:00:00:00:00:00:02"))
                        .add(alias(untouched, "50:00:00:00:00:00:00:03"))).build()).ok().getJsonArray("aliases");
        long staleId = aliases.getJsonObject(0).getJsonNumber("id").longValue();
        long liveId = aliases.getJsonObject(1).getJsonNumber("id").longValue();
        long untouchedId = aliases.getJsonObject(2).getJsonNumber("id").longValue();

        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(alice);
            ui.open("/#/san/" + project + "/aliases");
            BulkGrid grid = new BulkGrid(page, page.locator("[data-kind=aliases]"));
            assertThat(grid.row(untouchedId)).isVisible();

            // Bob's change arrives before Alice touches that alias: the row shows it at once.
            patch(bobToken, liveId, 1, "{\"wwpn\": \"50:00:00:00:00:00:00:b2\"}");
            assertThat(grid.control(liveId, "WWPN of " + live)).hasValue("50:00:00:00:00:00:00:b2");
            grid.control(liveId, "Name of " + live).fill(live + "_renamed");

            // Bob's change arrives while Alice has the alias changed on her screen.
            grid.control(staleId, "Name of " + stale).fill(stale + "_renamed");
            patch(bobToken, staleId, 1, "{\"host_id\": " + host + "}");
            assertThat(grid.explanation(staleId)).containsText("Changed meanwhile: " + bob.username());

            JsonObject sent = grid.pressAndCaptureBulkRequest("Save changes (2)", ALIASES_SAVE);
            assertEquals(2, sent.getJsonArray("aliases").size(), sent.toString());

            assertThat(grid.shortStatus(liveId)).hasText("✓ Saved");
            assertThat(grid.shortStatus(staleId)).hasText("Not saved");
            assertThat(grid.explanation(staleId)).containsText("Not saved: " + bob.username() + " saved it");
            JsonObject liveSaved = alias(aliceToken, liveId);
            assertEquals(live + "_renamed", liveSaved.getString("name"));
            assertEquals("50:00:00:00:00:00:00:b2", liveSaved.getString("wwpn"), "Bob's WWPN survives Alice's rename");
            JsonObject staleNow = alias(aliceToken, staleId);
            assertEquals(stale, staleNow.getString("name"), "nothing of a refused alias is written");
            assertEquals(host, staleNow.getJsonNumber("host_id").longValue());

            grid.button("Refresh failed rows (1)").click();
            assertThat(grid.explanation(staleId)).containsText("Refreshed to version 2. Others changed: Host.");
            assertThat(grid.control(staleId, "Host of " + stale)).hasValue(String.valueOf(host));
            assertThat(grid.control(staleId, "Name of " + stale)).hasValue(stale + "_renamed");

            JsonObject retried = grid.pressAndCaptureBulkRequest("Retry failed (1)", ALIASES_SAVE);
            assertEquals(1, retried.getJsonArray("aliases").size(), retried.toString());
            JsonObject item = retried.getJsonArray("aliases").getJsonObject(0);
            assertEquals(staleId, item.getJsonNumber("id").longValue());
            assertEquals(2, item.getInt("version"));

            assertThat(grid.shortStatus(staleId)).hasText("✓ Saved");
            JsonObject staleSaved = alias(aliceToken, staleId);
            assertEquals(stale + "_renamed", staleSaved.getString("name"));
            assertEquals(host, staleSaved.getJsonNumber("host_id").longValue(), "Bob's host survives Alice's rename");
            assertEquals(3, staleSaved.getInt("version"));
            assertEquals(1, alias(aliceToken, untouchedId).getInt("version"), "a row nobody changed is never sent");

            ui.screenshot("san-aliases-after-retry");
            assertTrue(ui.pageErrors().isEmpty(), ui.pageErrors().toString());
            // The refused save is a 409 the page handles; Chromium logs every 4xx fetch, nothing else may appear.
            assertTrue(ui.consoleErrors().stream().allMatch(e -> e.contains("status of 409")), ui.consoleErrors().toString());
        }
    }

    private static JsonObject alias(String name, String wwpn) {
        return Json.createObjectBuilder().add("name", name).add("wwpn", wwpn).add("fabric", "FAB_A")
                .add("host_id", JsonValue.NULL).build();
    }

    private JsonObject alias(String token, long id) {
        return api.get("/api/san/aliases/" + id, token).ok();
    }

    private void patch(String token, long id, long version, String changes) {
        api.send("PATCH", "/api/san/aliases/" + id, token, "application/merge-patch+json", changes, "If-Match", "\"" + version + "\"").ok();
    }
}
