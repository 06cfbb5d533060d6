package io.tandem.employees;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.EventListener;
import io.tandem.it.EventListener.Event;
import io.tandem.it.Race;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the leave and timesheet screens read: each employee's own lists (nobody else's requests, weeks, rates or
 * balances), the managers' filtered lists and the users a manager can set up, creates that a double click cannot
 * repeat, and decisions that reach the live stream.
 */
class HrListsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    final Api api = new Api(TestServer.url());
    String admin;
    String manager;
    String managerName;
    String ann;
    String bob;
    String newcomerName;
    JsonObject annProfile;
    JsonObject bobProfile;

    @BeforeEach
    void setUp() {
        admin = api.admin().access();
        managerName = api.createUser(admin, "hrmgr", "MANAGER").getString("username");
        manager = api.login(managerName, Api.PASSWORD).access();
        ann = api.login(api.createUser(admin, "ann", "USER").getString("username"), Api.PASSWORD).access();
        bob = api.login(api.createUser(admin, "bob", "USER").getString("username"), Api.PASSWORD).access();
        newcomerName = api.createUser(admin, "newcomer", "USER").getString("username");
        annProfile = profile(ann, 2_000L);
        bobProfile = profile(bob, null);
    }

    private JsonObject profile(String token, Long rateCents) {
        long userId = api.get("/api/auth/me", token).ok().getInt("id");
        var body = Json.createObjectBuilder().add("user_id", userId).add("name", "Employee " + userId)
                .add("balances", Json.createObjectBuilder().add("ANNUAL", 80));
        if (rateCents != null) {
            body.add("hourly_rate_cents", rateCents);
        }
        return api.post("/api/employees", manager, body.build()).ok();
    }

    private static JsonObject leaveBody() {
        return Json.createObjectBuilder().add("leave_type", "ANNUAL").add("hours", 8)
                .add("start_date", "2027-02-01").add("end_date", "2027-02-01").build();
    }

    private static JsonObject weekBody() {
        return Json.createObjectBuilder().add("week_start", "2027-02-01").add("entries", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("work_date", "2027-02-01").add("hours", 8))).build();
    }

    private long leave(String token) {
        return api.post("/api/leave-requests", token, leaveBody()).ok().getInt("id");
    }

    private long week(String token) {
        return api.post("/api/timesheets", token, weekBody()).ok().getJsonObject("timesheet").getInt("id");
    }

    private static Set<Integer> ids(JsonArray items, String inner) {
        return items.stream().map(JsonValue::asJsonObject).map(o -> inner == null ? o : o.getJsonObject(inner))
                .map(o -> o.getInt("id")).collect(Collectors.toSet());
    }

    @Test
    void employeesSeeOnlyTheirOwn_managersSeeEveryoneAndFilter() {
        long annLeave = leave(ann);
        long bobLeave = leave(bob);
        long annWeek = week(ann);
        long bobWeek = week(bob);
        int bobId = bobProfile.getInt("id");

        // An employee's lists hold only their own, whatever employee_id they ask for.
        assertEquals(Set.of((int) annLeave), ids(api.get("/api/leave-requests", ann).array(), null));
        assertEquals(Set.of((int) annLeave), ids(api.get("/api/leave-requests?employee_id=" + bobId, ann).array(), null));
        JsonObject annWeeks = api.get("/api/timesheets?employee_id=" + bobId, ann).ok();
        assertEquals(1, annWeeks.getInt("total"));
        assertEquals(Set.of((int) annWeek), ids(annWeeks.getJsonArray("items"), "timesheet"));

        // Managers see everyone's and filter by employee and status.
        assertEquals(Set.of((int) bobLeave), ids(api.get("/api/leave-requests?status=PENDING&employee_id=" + bobId, manager).array(), null));
        assertEquals(Set.of(), ids(api.get("/api/leave-requests?status=APPROVED&employee_id=" + bobId, manager).array(), null));
        assertEquals(Set.of((int) bobWeek), ids(api.get("/api/timesheets?employee_id=" + bobId, manager).ok().getJsonArray("items"), "timesheet"));
        assertTrue(ids(api.get("/api/leave-requests?status=PENDING", manager).array(), null).containsAll(Set.of((int) annLeave, (int) bobLeave)));

        // A submitted and approved week comes with its payroll; newest first.
        api.post("/api/timesheets/" + annWeek + "/submit", ann, null).ok();
        api.post("/api/timesheets/" + annWeek + "/approve", manager, null).ok();
        long newer = week(ann);
        JsonArray annItems = api.get("/api/timesheets?employee_id=" + annProfile.getInt("id"), manager).ok().getJsonArray("items");
        assertEquals(newer, annItems.getJsonObject(0).getJsonObject("timesheet").getInt("id"));
        JsonObject approved = api.get("/api/timesheets?status=APPROVED&employee_id=" + annProfile.getInt("id"), manager).ok()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(16_000, approved.getJsonObject("payroll").getInt("gross_cents"));

        // Profiles: one's own and managers only.
        api.get("/api/employees", ann).problem(403);
        api.get("/api/employees/" + bobId, ann).problem(403);
        assertEquals(bobId, api.get("/api/employees/" + bobId, bob).ok().getInt("id"));
        assertEquals(bobId, api.get("/api/employees/" + bobId, manager).ok().getInt("id"));

        // Nor by id: another employee's leave request, week and pay are refused; their own and a manager's are not.
        api.get("/api/leave-requests/" + bobLeave, ann).problem(403);
        api.get("/api/timesheets/" + bobWeek, ann).problem(403);
        api.get("/api/timesheets/" + annWeek + "/payroll", bob).problem(403);
        assertEquals(bobLeave, api.get("/api/leave-requests/" + bobLeave, bob).ok().getInt("id"));
        assertEquals(bobWeek, api.get("/api/timesheets/" + bobWeek, manager).ok().getJsonObject("timesheet").getInt("id"));
        assertEquals(1, api.get("/api/timesheets/" + annWeek + "/payroll", ann).array().size());
    }

    @Test
    void aUserWithoutAProfileIsToldSo_andIsAmongTheCandidatesAManagerSees() {
        String newcomer = api.login(newcomerName, Api.PASSWORD).access();
        for (String path : List.of("/api/employees/me", "/api/leave-requests", "/api/timesheets")) {
            JsonObject problem = api.get(path, newcomer).problem(404);
            assertTrue(problem.getString("detail").contains("no employee profile"), problem.toString());
        }
        api.get("/api/employees/candidates", ann).problem(403);
        Set<String> candidates = api.send("GET", "/api/employees/candidates", manager, null, null).array().stream()
                .map(c -> c.asJsonObject().getString("username")).collect(Collectors.toSet());
        assertTrue(candidates.contains(newcomerName), "the newcomer can be set up");
        long annUser = annProfile.getInt("user_id");
        assertTrue(api.send("GET", "/api/employees/candidates", manager, null, null).array().stream()
                .noneMatch(c -> c.asJsonObject().getInt("user_id") == annUser), "who has a profile is no candidate");
    }

    @Test
    void badFiltersAreRefusedByName() {
        assertEquals("status", api.get("/api/leave-requests?status=LOST", manager).problem(400).getString("field"));
        assertEquals("employee_id", api.get("/api/leave-requests?employee_id=abc", manager).problem(400).getString("field"));
        assertEquals("status", api.get("/api/timesheets?status=LOST", manager).problem(400).getString("field"));
        assertEquals("employee_id", api.get("/api/timesheets?employee_id=1.5", manager).problem(400).getString("field"));
    }

    @Test
    void tenConcurrentCreatesWithOneIdempotencyKey_makeOneLeaveRequestAndOneTimesheet() throws Exception {
        String leaveKey = "leave-" + UUID.randomUUID();
        String weekKey = "week-" + UUID.randomUUID();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(10, thread -> answers.add(thread % 2 == 0
                ? api.send("POST", "/api/leave-requests", bob, "application/json", leaveBody().toString(), "Idempotency-Key", leaveKey)
                : api.send("POST", "/api/timesheets", bob, "application/json", weekBody().toString(), "Idempotency-Key", weekKey)));
        answers.forEach(a -> assertEquals(201, a.status(), a.body()));
        assertEquals(1, api.get("/api/leave-requests", bob).array().size());
        assertEquals(1, api.get("/api/timesheets", bob).ok().getInt("total"));
        assertEquals(8, answers.stream().filter(a -> a.header("Idempotent-Replayed").isPresent()).count());
    }

    @Test
    void decisionsAndNewRequestsReachTheLiveStream() throws Exception {
        String ticket = api.post("/api/events/ticket", manager, null).ok().getString("ticket");
        try (EventListener stream = EventListener.open(api, "/api/events?ticket=" + ticket)) {
            long id = leave(ann);
            JsonObject created = data(stream.next(WAIT, e -> about(e, "leave_request", id)));
            assertEquals("PENDING", created.getJsonObject("details").getString("status"));
            assertEquals(annProfile.getInt("id"), created.getJsonObject("details").getInt("employee_id"));

            api.post("/api/leave-requests/" + id + "/approve", manager, null).ok();
            JsonObject approved = data(stream.next(WAIT, e -> about(e, "leave_request", id)));
            assertEquals("APPROVED", approved.getJsonObject("details").getString("status"));
            assertEquals(managerName, approved.getString("by"));

            long week = week(bob);
            api.post("/api/timesheets/" + week + "/submit", bob, null).ok();
            stream.next(WAIT, e -> about(e, "timesheet", week) && data(e).getJsonObject("details").getString("status").equals("SUBMITTED"));
            api.post("/api/timesheets/" + week + "/reject", manager, null).ok();
            JsonObject rejected = data(stream.next(WAIT, e -> about(e, "timesheet", week)
                    && !data(e).getJsonObject("details").getString("status").equals("SUBMITTED")));
            assertEquals("REJECTED", rejected.getJsonObject("details").getString("status"));
        }
    }

    private static JsonObject data(Event event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }

    private static boolean about(Event event, String type, long id) {
        return event.data() != null && event.data().contains("\"entity_type\":\"" + type + "\"")
                && data(event).getString("entity_id").equals(Long.toString(id));
    }
}
