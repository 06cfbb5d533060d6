package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the browser tests find and work the rack audit screens (#/racks and #/racks/session/…), in one place, by
 * what an auditor sees: labels, roles, accessible names; and the racks the tests audit, set up through the API.
 */
final class RackScreens {

    private RackScreens() {
    }

    /** A floor with one rack of three expected items, A-1, A-2 and B-7 (unique names, so tests never share a rack). */
    record Rack(String floor, String id) {
    }

    static Rack newRack() {
        String floor = "Floor-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = UiSession.api();
        assertEquals(201, api.post("/api/racks/floors", api.admin().access(), Json.createObjectBuilder().add("name", floor).build()).status());
        return new Rack(floor, newRack(floor));
    }

    /** One more rack of three expected items on an existing floor; answers its id. */
    static String newRack(String floor) {
        Api api = UiSession.api();
        String admin = api.admin().access();
        String rack = "R-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("/api/racks", admin, Json.createObjectBuilder().add("rack_id", rack).add("floor", floor).build()).status());
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String item : new String[] {"A-1", "A-2", "B-7"}) {
            items.add(Json.createObjectBuilder().add("item_code", item).add("expected_qty", 10));
        }
        api.send("POST", "/api/racks/" + rack + "/items", admin, "application/json", items.build().toString()).ok();
        return rack;
    }

    /** Opens the racks screen and waits until it has loaded its lists. */
    static void openList(Page page) {
        page.navigate("/#/racks");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Racks to audit"))).isVisible();
    }

    /** Waits until the page's live stream is connected, so it hears of every change from now on. */
    static void waitUntilLive(Page page) {
        assertThat(page.locator("#live-indicator")).hasText("Live");
    }

    /** Shows only this floor's racks (other tests' racks stay out of the way). */
    static void chooseFloor(Page page, String floor) {
        Locator button = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Floor"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(floor).setExact(true));
        button.click();
        assertThat(button).hasAttribute("aria-pressed", "true");
    }

    static Locator claimButton(Page page, String rack) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim rack " + rack).setExact(true));
    }

    /** The rack's row in the "Being audited" table (who holds it, paused or not). */
    static Locator takenRow(Page page, String rack) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Racks being audited"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(rack));
    }

    /** Claims the rack from the racks screen and waits for its session screen. */
    static void claim(Page page, String rack) {
        claimButton(page, rack).click();
        assertThat(sessionTitle(page)).hasText("Rack " + rack);
    }

    static Locator sessionTitle(Page page) {
        return page.locator("h2.session-title");
    }

    /** A field of the scan form, by its label (a required field's label ends with a "*" that screen readers skip). */
    static Locator scanField(Page page, String label) {
        return page.locator("fieldset.scan").getByLabel(label);
    }

    static Locator itemCode(Page page) {
        return scanField(page, "Item code");
    }

    /** Records one scan through the scan form (works offline) and waits until the form took it. */
    static void scan(Page page, String item, int verified, int damaged, String serials) {
        itemCode(page).fill(item);
        scanField(page, "Verified quantity").fill(Integer.toString(verified));
        scanField(page, "Damaged quantity").fill(damaged == 0 ? "" : Integer.toString(damaged));
        scanField(page, "Serial numbers").fill(serials == null ? "" : serials);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scan")).click();
        assertThat(page.locator(".last-scan")).containsText("Queued " + item + ": " + verified + " verified");
        assertThat(itemCode(page)).hasValue("");
    }

    static void scan(Page page, String item, int verified) {
        scan(page, item, verified, 0, null);
    }

    /** The item's row in "Scans in this session": "waiting" while queued on the device, "saved" once the server has it. */
    static Locator scanRow(Page page, String item) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Scans in this session"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(item));
    }

    /** "Waiting to sync: N" of the screen (the session's records on a session screen, all of the user's on the list). */
    static Locator waiting(Page page) {
        return page.locator(".queue-count");
    }

    static Pattern waitingCount(int n) {
        return Pattern.compile("^Waiting to sync: " + n + "\\b");
    }

    static Locator offlineNote(Page page) {
        return page.locator(".offline-note");
    }

    static Locator leaseLostBanner(Page page) {
        return page.locator(".banner.lease-lost");
    }

    static Locator countdown(Page page) {
        return page.getByRole(AriaRole.TIMER);
    }

    /** The "Needs attention" section and its records. */
    static Locator attention(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Needs attention")));
    }

    static Locator attentionItems(Page page) {
        return attention(page).getByRole(AriaRole.LISTITEM);
    }

    static Locator signOut(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
    }
}
