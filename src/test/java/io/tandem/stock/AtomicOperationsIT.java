package io.tandem.stock;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import io.tandem.it.Race;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 003's races, run for real: stock, idempotent retries, exactly-once approvals. Exact counts, no 5xx. */
class AtomicOperationsIT {

    final URL base = TestServer.url();

    Api api;
    String admin;
    String manager;
    String otherManager;
    String clerk;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        admin = api.admin().access();
        manager = api.login(api.createUser(admin, "stockmgr", "MANAGER").getString("username"), Api.PASSWORD).access();
        otherManager = api.login(api.createUser(admin, "approver", "MANAGER").getString("username"), Api.PASSWORD).access();
        clerk = api.login(api.createUser(admin, "clerk", "USER").getString("username"), Api.PASSWORD).access();
    }

    /** A fresh product/client pair with {@code quantity} on hand; answers {stock_id, product_id, client_id}. */
    private JsonObject stock(long quantity) {
        long product = api.post("/api/products", manager, Json.createObjectBuilder()
                .add("sku", "SKU-" + System.nanoTime()).add("name", "Substrate").build()).ok().getInt("id");
        long client = api.post("/api/clients", manager, Json.createObjectBuilder().add("name", "Client").build()).ok().getInt("id");
        JsonObject stock = api.post("/api/stock", manager, Json.createObjectBuilder().add("product_id", product)
                .add("client_id", client).add("quantity_on_hand", quantity).build()).ok();
        return stock;
    }

    private JsonObject line(JsonObject stock, long quantity) {
        return Json.createObjectBuilder().add("product_id", stock.getInt("product_id"))
                .add("client_id", stock.getInt("client_id")).add("quantity", quantity).build();
    }

    private long onHand(JsonObject stock) {
        return api.get("/api/stock/" + stock.getInt("id"), clerk).ok().getJsonNumber("quantity_on_hand").longValue();
    }

    @Test
    void sixtyFourClientsAllocatingOneUnitFromFifty_exactlyFiftySucceed() throws Exception {
        JsonObject stock = stock(50);
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        Race.run(64, thread -> {
            while (attempts.incrementAndGet() <= 1000) {
                Answer answer = api.post("/api/stock/allocate", clerk, line(stock, 1));
                switch (answer.status()) {
                    case 201 -> succeeded.incrementAndGet();
                    case 409 -> refused.incrementAndGet();
                    default -> unexpected.add(answer.status() + " " + answer.body());
                }
            }
        });
        System.out.printf("allocation race: attempts=1000 succeeded=%d refused=%d unexpected=%d%n",
                succeeded.get(), refused.get(), unexpected.size());
        assertEquals(List.of(), unexpected);
        assertEquals(50, succeeded.get());
        assertEquals(950, refused.get());
        assertEquals(0, onHand(stock));
        long allocated = api.get("/api/stock/" + stock.getInt("id") + "/allocations", clerk).array().stream()
                .mapToLong(a -> a.asJsonObject().getJsonNumber("quantity").longValue()).sum();
        assertEquals(50, allocated);
    }

    @Test
    void twoAllocationsOfEightyFromAHundred_oneSucceeds_twentyRemain() throws Exception {
        JsonObject stock = stock(100);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(2, thread -> answers.add(api.post("/api/stock/allocate", clerk, line(stock, 80))));
        assertEquals(Set.of(201, 409), Set.of(answers.get(0).status(), answers.get(1).status()));
        JsonObject refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().problem(409);
        assertEquals("Insufficient stock or concurrent allocation occurred", refused.getString("detail"));
        assertEquals(20, refused.getInt("available"));
        assertEquals(20, onHand(stock));
    }

    @Test
    void tenConcurrentRetriesWithOneIdempotencyKey_allocateOnce() throws Exception {
        JsonObject stock = stock(100);
        String key = "alloc-" + System.nanoTime();
        String body = line(stock, 7).toString();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(10, thread -> answers.add(api.send("POST", "/api/stock/allocate", clerk, "application/json", body,
                "Idempotency-Key", key)));
        Set<String> bodies = new HashSet<>();
        for (Answer answer : answers) {
            assertEquals(201, answer.status(), answer.body());
            bodies.add(answer.json().toString());
        }
        assertEquals(1, bodies.size());
        assertEquals(9, replayed(answers));
        assertEquals(93, onHand(stock));
        assertEquals(1, api.get("/api/stock/" + stock.getInt("id") + "/allocations", clerk).array().size());
        api.send("POST", "/api/stock/allocate", clerk, "application/json", line(stock, 8).toString(), "Idempotency-Key", key)
                .problem(422);
        // Orders use the same mechanism: a retried create (with or without the trailing slash) makes one order.
        String orderKey = "order-" + System.nanoTime();
        String order = Json.createObjectBuilder().add("client_name", "Misty").add("product", "Labels").add("quantity", 5).build().toString();
        Answer firstOrder = api.send("POST", "/api/orders", clerk, "application/json", order, "Idempotency-Key", orderKey);
        Answer retriedOrder = api.send("POST", "/api/orders/", clerk, "application/json", order, "Idempotency-Key", orderKey);
        assertEquals(201, firstOrder.status());
        assertEquals(firstOrder.json().getString("order_number"), retriedOrder.json().getString("order_number"));
        assertEquals("true", retriedOrder.header("Idempotent-Replayed").orElse(""));
        // Another user's key space is their own.
        assertEquals(201, api.send("POST", "/api/stock/allocate", manager, "application/json", body, "Idempotency-Key", key).status());
        assertEquals(86, onHand(stock));
    }

    private static long replayed(List<Answer> answers) {
        return answers.stream().filter(a -> a.header("Idempotent-Replayed").isPresent()).count();
    }

    private Answer allocate(String token, String body, String key) {
        return api.send("POST", "/api/stock/allocate", token, "application/json", body, "Idempotency-Key", key);
    }

    @Test
    void tenConcurrentCreatesWithOneIdempotencyKey_makeOneOrder() throws Exception {
        long before = api.get("/api/orders?size=1", clerk).ok().getJsonNumber("total").longValue();
        String key = "order-race-" + System.nanoTime();
        String order = Json.createObjectBuilder().add("client_name", "Raced").add("product", "Toner").add("quantity", 2).build().toString();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(10, thread -> answers.add(api.send("POST", "/api/orders", clerk, "application/json", order, "Idempotency-Key", key)));
        Set<String> numbers = new HashSet<>();
        for (Answer answer : answers) {
            assertEquals(201, answer.status(), answer.body());
            numbers.add(answer.json().getString("order_number"));
        }
        assertEquals(1, numbers.size());
        assertEquals(9, replayed(answers));
        assertEquals(before + 1, api.get("/api/orders?size=1", clerk).ok().getJsonNumber("total").longValue());
    }

    @Test
    void aRefusedAllocationLeavesNoAnswerBehind_itsRetryRunsAgain_andSucceedsOnceStockArrives() {
        JsonObject stock = stock(5);
        String key = "short-" + System.nanoTime();
        String body = line(stock, 8).toString();
        Answer refused = allocate(clerk, body, key);
        assertEquals(5, refused.problem(409).getInt("available"));
        Answer retried = allocate(clerk, body, key);
        assertEquals(5, retried.problem(409).getInt("available"));
        assertTrue(retried.header("Idempotent-Replayed").isEmpty(), "the retry ran, it was not a stored answer");

        api.post("/api/stock/" + stock.getInt("id") + "/adjust", manager,
                Json.createObjectBuilder().add("delta", 10).add("reason", "delivery").build()).ok();
        Answer allocated = allocate(clerk, body, key);
        assertEquals(201, allocated.status(), allocated.body());
        assertTrue(allocated.header("Idempotent-Replayed").isEmpty());
        Answer replay = allocate(clerk, body, key);
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(""));
        assertEquals(allocated.json(), replay.json());
        assertEquals(7, onHand(stock));
        assertEquals(1, api.get("/api/stock/" + stock.getInt("id") + "/allocations", clerk).array().size());
    }

    @Test
    void tenConcurrentRetriesOfARefusedAllocation_allRefused_noneReplayed_theKeyStaysFree() throws Exception {
        JsonObject stock = stock(3);
        String key = "refused-race-" + System.nanoTime();
        String body = line(stock, 4).toString();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(10, thread -> answers.add(allocate(clerk, body, key)));
        for (Answer answer : answers) {
            assertEquals(3, answer.problem(409).getInt("available"));
        }
        assertEquals(0, replayed(answers));
        assertEquals(3, onHand(stock));
        api.post("/api/stock/" + stock.getInt("id") + "/adjust", manager,
                Json.createObjectBuilder().add("delta", 1).add("reason", "count").build()).ok();
        assertEquals(201, allocate(clerk, body, key).status());
        assertEquals(0, onHand(stock));
    }

    @Test
    void multiLineAllocationsInOppositeOrder_neverDeadlockIntoA500() throws Exception {
        JsonObject first = stock(1_000);
        JsonObject second = stock(1_000);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Race.run(50, thread -> {
            var lines = thread % 2 == 0
                    ? Json.createArrayBuilder().add(line(first, 3)).add(line(second, 5))
                    : Json.createArrayBuilder().add(line(second, 5)).add(line(first, 3));
            Answer answer = api.post("/api/stock/allocate", clerk, Json.createObjectBuilder().add("lines", lines).build());
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        });
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 201 || status == 503), statuses.toString());
        int allocated = statuses.getOrDefault(201, new AtomicInteger()).get();
        // Locks are taken in primary-key order, so opposite orders queue instead of deadlocking: allocations go through.
        assertTrue(allocated >= 1, () -> "some allocations succeed: " + statuses);
        assertEquals(1_000 - 3L * allocated, onHand(first));
        assertEquals(1_000 - 5L * allocated, onHand(second));
    }

    @Test
    void allLinesOrNone_andBadQuantitiesAre400() {
        JsonObject plenty = stock(10);
        JsonObject scarce = stock(1);
        api.post("/api/stock/allocate", clerk, Json.createObjectBuilder().add("lines",
                Json.createArrayBuilder().add(line(plenty, 5)).add(line(scarce, 2))).build()).problem(409);
        assertEquals(10, onHand(plenty));
        assertEquals(1, onHand(scarce));
        for (String quantity : List.of("0", "-1", "1.5", "\"ten\"", "100000000000")) {
            JsonObject problem = api.send("POST", "/api/stock/allocate", clerk, "application/json",
                    "{\"product_id\": " + plenty.getInt("product_id") + ", \"client_id\": " + plenty.getInt("client_id")
                            + ", \"quantity\": " + quantity + "}").problem(400);
            assertEquals("quantity", problem.getString("field"), quantity);
        }
        api.post("/api/stock/" + plenty.getInt("id") + "/adjust", clerk, Json.createObjectBuilder().add("delta", 5).build()).problem(403);
        api.post("/api/stock/" + plenty.getInt("id") + "/adjust", manager, Json.createObjectBuilder().add("delta", -11).build()).problem(409);
        assertEquals(15, api.post("/api/stock/" + plenty.getInt("id") + "/adjust", manager,
                Json.createObjectBuilder().add("delta", 5).build()).ok().getInt("quantity_on_hand"));
    }

    @Test
    void anAllocationIsReleasedExactlyOnce() throws Exception {
        JsonObject stock = stock(10);
        long id = api.post("/api/stock/allocate", clerk, line(stock, 4)).ok().getJsonArray("allocations").getJsonObject(0).getInt("id");
        assertEquals(6, onHand(stock));
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(8, thread -> answers.add(api.post("/api/stock/allocations/" + id + "/release", clerk, null)));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count());
        for (Answer refused : answers.stream().filter(a -> a.status() != 200).toList()) {
            refused.problem(409);
        }
        assertEquals(10, onHand(stock));
    }

    // --- leave -------------------------------------------------------------------------------------------

    private JsonObject employee(String token, long annualHours, Long rateCents) {
        long userId = api.get("/api/auth/me", token).ok().getInt("id");
        var body = Json.createObjectBuilder().add("user_id", userId).add("name", "Employee " + userId)
                .add("balances", Json.createObjectBuilder().add("ANNUAL", annualHours));
        if (rateCents != null) {
            body.add("hourly_rate_cents", rateCents);
        }
        return api.post("/api/employees", admin, body.build()).ok();
    }

    private JsonObject leave(String token, long hours) {
        return api.post("/api/leave-requests", token, Json.createObjectBuilder().add("leave_type", "ANNUAL").add("hours", hours)
                .add("start_date", "2026-12-01").add("end_date", "2026-12-03").build()).ok();
    }

    private long annual(JsonObject employee) {
        return api.get("/api/employees/" + employee.getInt("id"), admin).ok().getJsonObject("balances").getInt("ANNUAL");
    }

    @Test
    void sixteenManagersApproveOneLeaveRequest_exactlyOneWins_balanceDeductedOnce() throws Exception {
        JsonObject employee = employee(clerk, 80, null);
        JsonObject request = leave(clerk, 16);
        api.post("/api/leave-requests/" + request.getInt("id") + "/approve", clerk, null).problem(403);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(16, thread -> answers.add(api.post("/api/leave-requests/" + request.getInt("id") + "/approve",
                thread % 2 == 0 ? manager : otherManager, null)));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count());
        List<Answer> losers = answers.stream().filter(a -> a.status() != 200).toList();
        assertEquals(15, losers.size());
        for (Answer loser : losers) {
            JsonObject problem = loser.problem(409);
            assertTrue(problem.getString("detail").startsWith("Already approved by "), problem.toString());
        }
        assertEquals(64, annual(employee));

        // Cancelling the approved request gives the hours back exactly once, however often it is clicked.
        List<Answer> cancels = Collections.synchronizedList(new ArrayList<>());
        Race.run(8, thread -> cancels.add(api.post("/api/leave-requests/" + request.getInt("id") + "/cancel", clerk, null)));
        assertEquals(1, cancels.stream().filter(a -> a.status() == 200).count());
        for (Answer refused : cancels.stream().filter(a -> a.status() != 200).toList()) {
            refused.problem(409);
        }
        assertEquals(80, annual(employee));
    }

    @Test
    void twoRequestsExceedingTheBalance_approvedAtOnce_exactlyOneApproved() throws Exception {
        JsonObject employee = employee(clerk, 40, null);
        JsonObject a = leave(clerk, 30);
        JsonObject b = leave(clerk, 30);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(2, thread -> answers.add(api.post("/api/leave-requests/" + (thread == 0 ? a : b).getInt("id") + "/approve",
                thread == 0 ? manager : otherManager, null)));
        assertEquals(1, answers.stream().filter(x -> x.status() == 200).count());
        JsonObject short409 = answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow().problem(409);
        assertEquals("Insufficient balance", short409.getString("detail"));
        assertEquals(10, annual(employee));
        long pending = java.util.stream.Stream.of(a, b)
                .map(r -> api.get("/api/leave-requests/" + r.getInt("id"), clerk).ok().getString("status"))
                .filter("PENDING"::equals).count();
        assertEquals(1, pending);
    }

    // --- timesheets --------------------------------------------------------------------------------------

    private JsonObject submittedTimesheet(String token) {
        JsonObject sheet = api.post("/api/timesheets", token, Json.createObjectBuilder().add("week_start", "2026-11-23")
                .add("entries", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("work_date", "2026-11-23").add("hours", 8))
                        .add(Json.createObjectBuilder().add("work_date", "2026-11-24").add("hours", 7))).build()).ok();
        long id = sheet.getJsonObject("timesheet").getInt("id");
        assertEquals("SUBMITTED", api.post("/api/timesheets/" + id + "/submit", token, null).ok()
                .getJsonObject("timesheet").getString("status"));
        return sheet.getJsonObject("timesheet");
    }

    @Test
    void sixteenManagersApproveOneTimesheet_oneWins_onePayrollCalculation() throws Exception {
        employee(clerk, 0, 2_500L);
        long id = submittedTimesheet(clerk).getInt("id");
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(16, thread -> answers.add(api.post("/api/timesheets/" + id + "/approve", thread % 2 == 0 ? manager : otherManager, null)));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count());
        answers.stream().filter(a -> a.status() != 200).forEach(a ->
                assertTrue(a.problem(409).getString("detail").startsWith("Already approved by "), a.body()));
        var payroll = api.get("/api/timesheets/" + id + "/payroll", clerk).array();
        assertEquals(1, payroll.size());
        assertEquals(15 * 2_500, payroll.getJsonObject(0).getInt("gross_cents"));
    }

    @Test
    void aFailingPayrollCalculationUndoesTheApproval() {
        JsonObject employee = employee(clerk, 0, null);
        long id = submittedTimesheet(clerk).getInt("id");
        JsonObject failed = api.post("/api/timesheets/" + id + "/approve", manager, null).problem(422);
        assertEquals("/problems/payroll-failed", failed.getString("type"));
        JsonObject after = api.get("/api/timesheets/" + id, clerk).ok();
        assertEquals("SUBMITTED", after.getJsonObject("timesheet").getString("status"));
        assertTrue(after.isNull("payroll"));
        assertEquals(0, api.get("/api/timesheets/" + id + "/payroll", clerk).array().size());

        api.put("/api/employees/" + employee.getInt("id") + "/hourly-rate", manager,
                Json.createObjectBuilder().add("hourly_rate_cents", 3_000).build()).ok();
        JsonObject approved = api.post("/api/timesheets/" + id + "/approve", manager, null).ok();
        assertEquals("APPROVED", approved.getJsonObject("timesheet").getString("status"));
        assertEquals(45_000, approved.getJsonObject("payroll").getInt("gross_cents"));
    }
}
