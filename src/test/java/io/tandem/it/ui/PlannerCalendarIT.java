package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 004's resource-assignment calendar in a real browser: several assignments edited in place and saved at once
 * through the bulk endpoint, one of them changed by someone else in the meantime. The others are saved, the stale
 * one is shown as not saved with who changed it, and after a refresh "Retry failed" sends that one alone — with the
 * other person's change kept and the user's own change on top.
 */
class PlannerCalendarIT {

    private static final String WEEK = "2031-03-03";

    private final Api api = UiSession.api();

    @Test
    void aBulkSaveWithOneStaleAssignment_savesTheOthers_showsTheFailure_andRetriesItAlone() {
        User alice = UiSession.createUser("ui-planner-a", "USER");
        User bob = UiSession.createUser("ui-planner-b", "USER");
        String aliceToken = api.login(alice.username(), alice.password()).access();
        String bobToken = api.login(bob.username(), bob.password()).access();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long portfolio = create(aliceToken, "/api/portfolio/portfolios", Json.createObjectBuilder().add("name", "Calendar " + tag));
        long program = create(aliceToken, "/api/portfolio/programs", Json.createObjectBuilder().add("portfolio_id", portfolio).add("name", "Program " + tag));
        String projectName = "Migration " + tag;
        long project = create(aliceToken, "/api/portfolio/projects", Json.createObjectBuilder().add("program_id", program)
                .add("name", projectName).add("status", "active").add("start_date", WEEK));
        String resourceName = "Engineer " + tag;
        long resource = create(aliceToken, "/api/portfolio/resources", Json.createObjectBuilder().add("name", resourceName)
                .add("kind", "person").add("capacity_hours_per_week", 40));
        String[] starts = {"2031-03-03", "2031-03-10", "2031-03-17"};
        String[] ends = {"2031-03-16", "2031-03-23", "2031-03-30"};
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = create(aliceToken, "/api/portfolio/resource-assignments", Json.createObjectBuilder().add("resource_id", resource)
                    .add("project_id", project).add("start_date", starts[i]).add("end_date", ends[i]).add("allocation_percent", 50));
        }

        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(alice);
            ui.open("/#/portfolio/calendar/" + WEEK + "/4/" + project);
            BulkGrid grid = new BulkGrid(page, page.locator(".area-portfolio [role=tabpanel]:not([hidden])"));
            String[] names = new String[3];
            for (int i = 0; i < 3; i++) {
                names[i] = resourceName + " on " + projectName + " from " + starts[i];
                grid.control(ids[i], "Allocation % of " + names[i]).fill(String.valueOf(55 - 10 * i));
            }

            // Bob moves the end of the second assignment while Alice has it changed on her screen.
            Locator bobsEnd = grid.control(ids[1], "End of " + names[1]);
            api.send("PATCH", "/api/portfolio/resource-assignments/" + ids[1], bobToken, "application/merge-patch+json",
                    "{\"end_date\": \"2031-04-06\"}", "If-Match", "\"1\"").ok();
            assertThat(grid.explanation(ids[1])).containsText("Changed meanwhile: " + bob.username());

            JsonObject sent = grid.pressAndCaptureBulkRequest("Save changes (3)", "/api/portfolio/resource-assignments/bulk");
            assertEquals(3, sent.getJsonArray("updates").size(), sent.toString());

            assertThat(grid.shortStatus(ids[0])).hasText("✓ Saved");
            assertThat(grid.shortStatus(ids[2])).hasText("✓ Saved");
            assertThat(grid.shortStatus(ids[1])).hasText("Not saved");
            assertThat(grid.explanation(ids[1])).containsText("Not saved: " + bob.username() + " saved it");
            assertAssignment(aliceToken, ids[0], 55, ends[0], 2);
            assertAssignment(aliceToken, ids[2], 35, ends[2], 2);
            assertAssignment(aliceToken, ids[1], 50, "2031-04-06", 2);

            grid.button("Refresh failed rows (1)").click();
            assertThat(grid.explanation(ids[1])).containsText("Refreshed to version 2. Others changed: End.");
            assertThat(bobsEnd).hasValue("2031-04-06");
            assertThat(grid.control(ids[1], "Allocation % of " + names[1])).hasValue("45");

            JsonObject retried = grid.pressAndCaptureBulkRequest("Retry failed (1)", "/api/portfolio/resource-assignments/bulk");
            assertEquals(1, retried.getJsonArray("updates").size(), retried.toString());
            JsonObject item = retried.getJsonArray("updates").getJsonObject(0);
            assertEquals(ids[1], item.getJsonNumber("id").longValue());
            assertEquals(2, item.getInt("version"));

            assertThat(grid.shortStatus(ids[1])).hasText("✓ Saved");
            assertThat(grid.explanation(ids[1])).isHidden();
            assertAssignment(aliceToken, ids[1], 45, "2031-04-06", 3);
            assertAssignment(aliceToken, ids[0], 55, ends[0], 2);
            ui.screenshot("planner-calendar-after-retry");
            ui.assertNoBrowserErrors();
        }
    }

    private long create(String token, String path, JsonObjectBuilder body) {
        return api.post(path, token, body.build()).ok().getJsonNumber("id").longValue();
    }

    private void assertAssignment(String token, long id, int percent, String end, int version) {
        JsonObject saved = api.get("/api/portfolio/resource-assignments/" + id, token).ok();
        assertEquals(percent, saved.getInt("allocation_percent"), saved.toString());
        assertEquals(end, saved.getString("end_date"), saved.toString());
        assertEquals(version, saved.getInt("version"), saved.toString());
    }
}
