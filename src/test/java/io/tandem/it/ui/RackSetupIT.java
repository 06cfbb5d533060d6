package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A manager sets up a floor, a rack and its expected items on screen, and auditors can claim the rack. */
class RackSetupIT {

    @Test
    void aManagerSetsUpAFloorARackAndItsItems_andAnAuditorSeesItToClaim() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String floor = "Setup-" + suffix;
        String rack = "S-" + suffix;
        User manager = UiSession.createUser("ui-rack-setup", "MANAGER");
        User auditor = UiSession.createUser("ui-rack-auditor");
        try (UiSession m = UiSession.open(Viewport.TABLET); UiSession a = UiSession.open(Viewport.DESKTOP)) {
            Page auditorPage = a.signIn(auditor);
            RackScreens.openList(auditorPage);
            assertThat(auditorPage.locator("details.rack-setup")).hasCount(0);

            Page page = m.signIn(manager);
            RackScreens.openList(page);
            page.locator("details.rack-setup summary").click();
            Locator setup = page.locator("details.rack-setup");
            setup.getByLabel("New floor").fill(floor);
            setup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add floor")).click();
            assertThat(setup.getByLabel("New floor")).hasValue("");
            setup.getByLabel("New rack").fill(rack);
            setup.getByLabel("On floor").selectOption(floor);
            setup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add rack")).click();
            assertThat(setup.getByLabel("New rack")).hasValue("");

            // A wrong line is refused next to the field, keeps what was typed, and sets nothing.
            setup.getByLabel("For rack").fill(rack);
            setup.getByLabel("Expected items").fill("A-1 3\nA-2 four");
            setup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set expected items")).click();
            assertThat(setup.locator(".field-error").filter(new Locator.FilterOptions().setHasText("Line 2"))).isVisible();
            assertThat(setup.getByLabel("Expected items")).hasValue("A-1 3\nA-2 four");

            setup.getByLabel("Expected items").fill("A-1 3\nA-2 4");
            setup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set expected items")).click();
            assertThat(setup.getByLabel("Expected items")).hasValue("");
            JsonObject created = available(floor, rack);
            assertEquals(2, created.getInt("item_count"));
            assertEquals(7, created.getInt("expected_quantity"));

            // Setting up sends no live event: the auditor sees the new floor and rack when the list is next loaded.
            auditorPage.reload();
            RackScreens.openList(auditorPage);
            RackScreens.chooseFloor(auditorPage, floor);
            assertThat(RackScreens.claimButton(auditorPage, rack)).isVisible();
            m.assertNoSeriousAxeViolations();
            m.screenshot("rack-setup");
            m.assertNoBrowserErrorsButRefusals();
        }
    }

    private static JsonObject available(String floor, String rack) {
        Api api = UiSession.api();
        return api.send("GET", "/api/racks/available?floor=" + floor, api.admin().access(), null, null).array().stream()
                .map(JsonValue::asJsonObject).filter(r -> rack.equals(r.getString("rack_id"))).findFirst().orElseThrow();
    }
}
