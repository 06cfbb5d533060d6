package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock, leave and timesheet screens (seed 003) in real Chromium: two managers pressing Approve on the same item
 * in two browsers at the same instant — one wins, the other is told who was first; an allocation beyond what is on
 * hand says how much is and changes nothing; a user without an employee profile is told so; every screen fits a
 * desktop and a tablet, passes axe, and is photographed.
 */
class HrScreensIT {

    private final Api api = UiSession.api();
    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = api.admin().access();
    }

    // --- approval races -----------------------------------------------------------------------------------------

    @Test
    void twoManagersApproveOneLeaveRequestAtOnce_exactlyOneWins_theOtherSeesWhoWasFirst() {
        User employee = user("leave-emp", "USER");
        JsonObject profile = profile(employee, 80, null);
        long id = api.post("/api/leave-requests", token(employee), Json.createObjectBuilder().add("leave_type", "ANNUAL")
                .add("hours", 16).add("start_date", "2027-03-01").add("end_date", "2027-03-02").build()).ok().getInt("id");
        User first = user("leave-mgr-a", "MANAGER");
        User second = user("leave-mgr-b", "MANAGER");

        String winner = race(first, second, "/#/leave/approvals", id);

        JsonObject decided = api.get("/api/leave-requests/" + id, admin).ok();
        assertEquals("APPROVED", decided.getString("status"));
        assertEquals(winner, decided.getString("decided_by"));
        assertEquals(64, api.get("/api/employees/" + profile.getInt("id"), admin).ok().getJsonObject("balances").getInt("ANNUAL"),
                "the 16 hours were deducted once");
    }

    @Test
    void twoManagersApproveOneTimesheetAtOnce_exactlyOneWins_onePayroll_theOtherSeesWhoWasFirst() {
        User employee = user("ts-emp", "USER");
        profile(employee, 0, 2_000L);
        long id = api.post("/api/timesheets", token(employee), Json.createObjectBuilder().add("week_start", "2027-03-01")
                .add("entries", Json.createArrayBuilder().add(Json.createObjectBuilder().add("work_date", "2027-03-01").add("hours", 8)))
                .build()).ok().getJsonObject("timesheet").getInt("id");
        api.post("/api/timesheets/" + id + "/submit", token(employee), null).ok();
        User first = user("ts-mgr-a", "MANAGER");
        User second = user("ts-mgr-b", "MANAGER");

        String winner = race(first, second, "/#/timesheets/approvals", id);

        JsonObject decided = api.get("/api/timesheets/" + id, admin).ok();
        assertEquals("APPROVED", decided.getJsonObject("timesheet").getString("status"));
        assertEquals(winner, decided.getJsonObject("timesheet").getString("decided_by"));
        assertEquals(1, api.get("/api/timesheets/" + id + "/payroll", admin).array().size(), "one payroll calculation");
        assertEquals(16_000, decided.getJsonObject("payroll").getInt("gross_cents"));
    }

    /**
     * Both managers open the queue and see the item; then both Approve buttons are pressed at one instant of the
     * machine's clock. Playwright drives its pages from one thread, so the presses are armed in both pages first
     * (a timer to the same millisecond) and fire by themselves: the two requests really race at the server.
     * Answers the winner's username, after checking that each screen says the right thing.
     */
    private String race(User first, User second, String queue, long id) {
        try (UiSession a = UiSession.open(Viewport.DESKTOP); UiSession b = UiSession.open(Viewport.DESKTOP)) {
            for (var pair : List.of(new Object[] {a, first}, new Object[] {b, second})) {
                UiSession ui = (UiSession) pair[0];
                ui.signIn((User) pair[1]);
                ui.open(queue);
                assertThat(approve(ui, id)).isEnabled();
            }
            double instant = ((Number) a.page().evaluate("() => Date.now() + 1000")).doubleValue();
            for (UiSession ui : List.of(a, b)) {
                approve(ui, id).evaluate("(button, at) => setTimeout(() => button.click(), at - Date.now())", instant);
            }
            assertThat(outcome(a, id)).isVisible();
            assertThat(outcome(b, id)).isVisible();

            String winner = outcome(a, id).innerText().startsWith("Approved by you") ? first.username() : second.username();
            UiSession won = winner.equals(first.username()) ? a : b;
            UiSession lost = won == a ? b : a;
            assertThat(outcome(won, id)).hasText(Pattern.compile("^Approved by you at "));
            assertThat(outcome(lost, id)).hasText(Pattern.compile("^Already approved by " + literal(winner) + " at \\d"));
            lost.screenshot(queue.contains("leave") ? "leave-approval-race-lost" : "timesheet-approval-race-lost");

            won.assertNoBrowserErrors();
            assertOnlyRefusals(lost, 409, "/approve");
            return winner;
        }
    }

    /** Text as a regular expression that matches only itself; Playwright hands patterns to JavaScript, which has no \\Q…\\E. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}-]", "\\\\$0");
    }

    private static Locator row(UiSession ui, long id) {
        return ui.page().locator(".decision-queue tr[data-id='" + id + "']");
    }

    private static Locator approve(UiSession ui, long id) {
        return row(ui, id).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Approve ")));
    }

    private static Locator outcome(UiSession ui, long id) {
        return row(ui, id).locator(".outcome");
    }

    // --- stock ----------------------------------------------------------------------------------------------------

    @Test
    void allocatingMoreThanIsOnHand_saysNotEnoughStockNAvailable_andChangesNothing_aDoubleClickAllocatesOnce() {
        User manager = user("stock-mgr", "MANAGER");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonObject product = api.post("/api/products", token(manager), Json.createObjectBuilder()
                .add("sku", "UI-" + unique).add("name", "Substrate " + unique).build()).ok();
        JsonObject client = api.post("/api/clients", token(manager), Json.createObjectBuilder().add("name", "Client " + unique).build()).ok();
        long stock = api.post("/api/stock", token(manager), Json.createObjectBuilder().add("product_id", product.getInt("id"))
                .add("client_id", client.getInt("id")).add("quantity_on_hand", 5).build()).ok().getInt("id");
        User clerk = user("stock-clerk", "USER");

        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(clerk);
            ui.open("/#/stock");
            Locator form = page.locator("section.allocate");
            form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Product")).selectOption("UI-" + unique + " · Substrate " + unique);
            form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Client")).selectOption("Client " + unique);
            assertThat(form.locator(".on-hand")).hasText("On hand now: 5.");
            Locator quantity = form.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("Quantity"));
            Locator allocate = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Allocate").setExact(true));

            quantity.fill("8");
            allocate.click();
            // The message sits next to the quantity: the field names it as its description and is marked invalid.
            Locator message = page.locator("#" + quantity.getAttribute("aria-describedby"));
            assertThat(message).hasText("Not enough stock: 5 available (you asked for 8). Nothing was allocated.");
            assertThat(quantity).hasAttribute("aria-invalid", "true");
            assertThat(quantity).hasValue("8");
            assertEquals(5, onHand(stock));
            assertEquals(0, api.get("/api/stock/" + stock + "/allocations", admin).array().size());
            ui.screenshot("stock-not-enough");

            quantity.fill("3");
            allocate.dblclick();
            assertThat(page.locator("#messages")).containsText("Allocated 3 of UI-" + unique);
            assertThat(quantity).hasValue("");
            assertEquals(1, api.get("/api/stock/" + stock + "/allocations", admin).array().size(), "a double click allocates once");
            assertEquals(2, onHand(stock));
            assertOnlyRefusals(ui, 409, "/api/stock/allocate");
        }
    }

    private long onHand(long stock) {
        return api.get("/api/stock/" + stock, admin).ok().getJsonNumber("quantity_on_hand").longValue();
    }

    // --- who is an employee -------------------------------------------------------------------------------------

    @Test
    void aUserWithoutAnEmployeeProfileIsToldSoOnLeaveAndTimesheets() {
        User newcomer = user("no-profile", "USER");
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(newcomer);
            for (String screen : List.of("/#/leave", "/#/timesheets")) {
                ui.open(screen);
                assertThat(page.locator(".not-employee")).containsText("You are not set up as an employee yet.");
                assertThat(page.locator(".not-employee")).containsText("Ask a manager to set up your employee profile");
            }
            ui.screenshot("timesheets-not-employee");
            ui.assertNoSeriousAxeViolations();
            assertOnlyRefusals(ui, 404, "/api/employees/me");
        }
    }

    @Test
    void aManagerSetsUpANewcomer_whoThenSeesBalances_andADoubleClickRequestsLeaveOnce() {
        User manager = user("setup-mgr", "MANAGER");
        User newcomer = user("setup-new", "USER");
        try (UiSession boss = UiSession.open(Viewport.DESKTOP)) {
            Page page = boss.signIn(manager);
            boss.open("/#/leave/employees");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up employee")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("User"))
                    .selectOption("Test setup-new (" + newcomer.username() + ")");
            assertThat(dialog.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Name on the profile"))).hasValue("Test setup-new");
            dialog.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("Annual leave (hours)")).fill("40");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set up").setExact(true)).click();
            assertThat(dialog).isHidden();
            assertThat(page.locator("section.employees tr", new Page.LocatorOptions().setHasText("Test setup-new"))).containsText("40");
            boss.assertNoBrowserErrors();
        }
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.signIn(newcomer);
            ui.open("/#/leave");
            assertThat(page.locator(".balance").first()).containsText("40");
            page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Type")).selectOption("Annual leave");
            page.getByLabel("First day").fill("2027-05-03");
            assertThat(page.getByLabel("Last day")).hasValue("2027-05-03");
            page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Hours")).fill("8");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request leave")).dblclick();
            Locator mine = page.locator("table.data tbody tr", new Page.LocatorOptions().setHasText("3 May 2027"));
            assertThat(mine).hasCount(1);
            assertThat(mine).containsText("Pending");
            assertThat(page.locator(".balance").first()).containsText("8 h requested");
            assertEquals(1, api.get("/api/leave-requests", token(newcomer)).array().size(), "a double click requests once");
            ui.assertNoBrowserErrors();
        }
    }

    @Test
    void aSubmittedWeekAppearsInTheManagersOpenQueueWithoutAReload() {
        User manager = user("live-mgr", "MANAGER");
        User employee = user("live-emp", "USER");
        profile(employee, 0, 2_500L);
        try (UiSession boss = UiSession.open(Viewport.DESKTOP); UiSession ui = UiSession.open(Viewport.TABLET)) {
            Page queue = boss.signIn(manager);
            boss.open("/#/timesheets/approvals");
            assertThat(queue.locator(".decision-queue")).isVisible();

            Page page = ui.signIn(employee);
            ui.open("/#/timesheets");
            page.getByLabel("Week starting").fill("2027-05-10");
            page.getByLabel("Mon 10 May").fill("8");
            page.getByLabel("Tue 11 May").fill("6");
            assertThat(page.locator(".week-total")).hasText("Total: 14\u00a0h");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and submit")).click();
            assertThat(page.locator("table.data tbody tr", new Page.LocatorOptions().setHasText("10 May 2027"))).containsText("Submitted");

            Locator arrived = queue.locator(".decision-queue tr", new Page.LocatorOptions().setHasText("Test " + employee.username()));
            assertThat(arrived).containsText("14\u00a0h");
            arrived.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Approve "))).click();
            assertThat(arrived.locator(".outcome")).hasText(Pattern.compile("^Approved by you at "));
            // And the employee's list shows the pay without a reload.
            assertThat(page.locator("table.data tbody tr", new Page.LocatorOptions().setHasText("10 May 2027"))).containsText("350.00");
            ui.screenshot("timesheets-approved");
            boss.assertNoBrowserErrors();
            ui.assertNoBrowserErrors();
        }
    }

    // --- every screen at both sizes ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void eachScreenFitsTheViewport_passesAxe_andIsPhotographed(Viewport viewport) {
        User manager = user("hr-shots-mgr", "MANAGER");
        profile(manager, 120, 5_200L);
        User employee = user("hr-shots-emp", "USER");
        JsonObject staff = profile(employee, 96, 2_850L);
        api.post("/api/leave-requests", token(employee), Json.createObjectBuilder().add("leave_type", "ANNUAL").add("hours", 16)
                .add("start_date", "2027-04-05").add("end_date", "2027-04-06").build()).ok();
        long week = api.post("/api/timesheets", token(employee), Json.createObjectBuilder().add("week_start", "2027-03-29")
                .add("entries", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("work_date", "2027-03-29").add("hours", 8))
                        .add(Json.createObjectBuilder().add("work_date", "2027-03-30").add("hours", 7))).build())
                .ok().getJsonObject("timesheet").getInt("id");
        api.post("/api/timesheets/" + week + "/submit", token(employee), null).ok();
        String name = staff.getString("name");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long product = api.post("/api/products", token(manager), Json.createObjectBuilder()
                .add("sku", "SHOT-" + unique).add("name", "Label stock A4").build()).ok().getInt("id");
        long client = api.post("/api/clients", token(manager), Json.createObjectBuilder().add("name", "Misty Print " + unique).build())
                .ok().getInt("id");
        api.post("/api/stock", token(manager), Json.createObjectBuilder().add("product_id", product).add("client_id", client)
                .add("quantity_on_hand", 120).build()).ok();

        try (UiSession ui = UiSession.open(viewport)) {
            Page page = ui.signIn(manager);
            screen(ui, "/#/stock", page.locator("table.data tbody tr", new Page.LocatorOptions().setHasText("Misty Print " + unique)), "stock");
            screen(ui, "/#/leave", page.locator(".balance").first(), "leave");
            screen(ui, "/#/leave/approvals", page.locator(".decision-queue tr", new Page.LocatorOptions().setHasText(name)).first(), "leave-approvals");
            screen(ui, "/#/timesheets", page.locator(".week-form"), "timesheets");
            screen(ui, "/#/timesheets/approvals", page.locator(".decision-queue tr", new Page.LocatorOptions().setHasText(name)).first(), "timesheet-approvals");
            ui.assertNoBrowserErrors();
        }
    }

    /** Opens a screen, waits for `ready`, and checks it: no sideways page scroll, axe, a screenshot. */
    private static void screen(UiSession ui, String path, Locator ready, String name) {
        ui.open(path);
        assertThat(ready).isVisible();
        boolean fits = (Boolean) ui.page().evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertTrue(fits, () -> name + " scrolls sideways at " + ui.viewport());
        ui.assertNoSeriousAxeViolations();
        ui.screenshot(name);
    }

    // --- set-up ---------------------------------------------------------------------------------------------------

    private static User user(String prefix, String role) {
        return UiSession.createUser(prefix, role);
    }

    private String token(User user) {
        return api.login(user.username(), user.password()).access();
    }

    private JsonObject profile(User user, long annualHours, Long rateCents) {
        var body = Json.createObjectBuilder().add("user_id", user.json().getInt("id"))
                .add("name", "Test " + user.username()).add("balances", Json.createObjectBuilder().add("ANNUAL", annualHours));
        if (rateCents != null) {
            body.add("hourly_rate_cents", rateCents);
        }
        return api.post("/api/employees", admin, body.build()).ok();
    }

    /**
     * The page threw nothing, and the only console errors are Chromium's own lines for refusals the test caused
     * ("Failed to load resource: … status of 409" for a URL containing {@code path}) — nothing else.
     */
    private static void assertOnlyRefusals(UiSession ui, int status, String path) {
        assertEquals(List.of(), ui.pageErrors());
        List<String> unexpected = ui.consoleErrors().stream()
                .filter(e -> !(e.contains("status of " + status) && e.contains(path))).toList();
        assertEquals(List.of(), unexpected, "console errors other than the expected " + status + " of " + path);
    }
}
