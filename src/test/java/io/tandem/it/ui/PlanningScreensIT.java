package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.it.Api;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAN, customers, orders and portfolio screens with data on them, at desktop and tablet size: each passes the
 * axe check without serious violations, fits the screen without scrolling the page sideways (wide tables scroll
 * inside themselves), and is kept as a screenshot under target/screenshots. The SAN screen opens on the user's
 * active project.
 */
class PlanningScreensIT {

    private static final String WEEK = "2031-03-03";

    private final Api api = UiSession.api();

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theScreensAreAccessibleAndFit(Viewport viewport) {
        User user = UiSession.createUser("ui-screens", "USER");
        String token = api.login(user.username(), user.password()).access();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String customerName = "Northwind " + tag;
        long customer = create(token, "/api/core/customers", Json.createObjectBuilder().add("name", customerName).add("contact_email", "it@northwind.example"));
        String projectName = "SAN refresh " + tag;
        long project = create(token, "/api/core/projects", Json.createObjectBuilder().add("customer_id", customer).add("name", projectName)
                .add("description", "Fabric A/B migration"));
        JsonObject config = api.get("/api/core/user-config", token).ok();
        api.send("PUT", "/api/core/user-config", token, "application/json", Json.createObjectBuilder().add("active_customer_id", customer)
                .add("active_project_id", project).build().toString(), "If-Match", "\"" + config.getInt("version") + "\"").ok();
        var aliases = api.post("/api/san/aliases/save", token, Json.createObjectBuilder().add("project_id", project).add("aliases", Json.createArrayBuilder()
                .add(alias("db01_hba0_" + tag, "50:00:00:00:00:00:01:01")).add(alias("array_p1_" + tag, "50:00:00:00:00:00:01:02"))).build())
                .ok().getJsonArray("aliases");
        api.post("/api/san/zones/save", token, Json.createObjectBuilder().add("project_id", project).add("zones", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "z_db01_" + tag).add("fabric", "FAB_A").add("members", Json.createArrayBuilder()
                        .add(aliases.getJsonObject(0).getInt("id")).add(aliases.getJsonObject(1).getInt("id"))))).build()).ok();
        create(token, "/api/orders", Json.createObjectBuilder().add("client_name", customerName).add("product", "FlashSystem " + tag)
                .add("quantity", 2).add("status", "CONFIRMED"));
        long portfolio = create(token, "/api/portfolio/portfolios", Json.createObjectBuilder().add("name", "Infrastructure " + tag));
        long program = create(token, "/api/portfolio/programs", Json.createObjectBuilder().add("portfolio_id", portfolio).add("name", "Storage " + tag));
        long planned = create(token, "/api/portfolio/projects", Json.createObjectBuilder().add("program_id", program).add("name", "Array migration " + tag)
                .add("status", "active").add("start_date", WEEK));
        for (String name : new String[] {"Dana " + tag, "Ole " + tag}) {
            long resource = create(token, "/api/portfolio/resources", Json.createObjectBuilder().add("name", name).add("kind", "person")
                    .add("capacity_hours_per_week", 40));
            create(token, "/api/portfolio/resource-assignments", Json.createObjectBuilder().add("resource_id", resource).add("project_id", planned)
                    .add("start_date", WEEK).add("end_date", "2031-03-23").add("allocation_percent", 60));
        }

        try (UiSession ui = UiSession.open(viewport)) {
            Page page = ui.signIn(user);

            ui.open("/#/san");
            assertThat(page.locator("#san-project")).hasValue(String.valueOf(project));
            assertThat(page.locator("[data-kind=zones]").getByLabel("Name of z_db01_" + tag)).isVisible();
            check(ui, "san-zones");
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Aliases")).click();
            assertThat(page.locator("[data-kind=aliases]").getByLabel("WWPN of db01_hba0_" + tag)).isVisible();
            check(ui, "san-aliases");

            // The lists hold every test's records: find this one as a person would, with the list's filter.
            ui.open("/#/customers");
            page.getByLabel("Filter Customers").fill(tag);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(customerName).setExact(true))).isVisible();
            check(ui, "customers");

            ui.open("/#/orders");
            page.getByLabel("Filter Orders").fill(tag);
            assertThat(page.getByText("FlashSystem " + tag)).isVisible();
            check(ui, "orders");

            ui.open("/#/portfolio/calendar/" + WEEK + "/6/" + planned);
            assertThat(page.locator("table.calendar tbody tr.assignment")).hasCount(2);
            check(ui, "portfolio-calendar");

            ui.open("/#/portfolio/programs");
            page.getByLabel("Filter Programs").fill(tag);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Storage " + tag).setExact(true))).isVisible();
            check(ui, "portfolio-programs");

            ui.assertNoBrowserErrors();
        }
    }

    private void check(UiSession ui, String screen) {
        ui.screenshot(screen);
        ui.assertNoSeriousAxeViolations();
        Object overflow = ui.page().evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(((Number) overflow).intValue() <= 0, screen + " scrolls sideways by " + overflow + " px at " + ui.viewport());
    }

    private static JsonObject alias(String name, String wwpn) {
        return Json.createObjectBuilder().add("name", name).add("wwpn", wwpn).add("fabric", "FAB_A").build();
    }

    private long create(String token, String path, JsonObjectBuilder body) {
        return api.post(path, token, body.build()).ok().getJsonNumber("id").longValue();
    }
}
