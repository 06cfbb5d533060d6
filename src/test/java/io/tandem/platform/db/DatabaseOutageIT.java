package io.tandem.platform.db;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.MariaDbServer;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's MariaDB server is stopped and started again while clients keep working (runs on the MariaDB pass
 * only; the H2 pass has no server to stop). During the outage every request is answered 503 problem+json with
 * Retry-After within the configured bound, never 500; afterwards the same Payara serves again by itself, and
 * what was allocated and created adds up exactly.
 */
class DatabaseOutageIT {

    /** The socket timeout (10 s: a query in flight when the server goes away) + slack for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final int CLIENTS = 4;

    final Api api = new Api(TestServer.url());
    final MariaDbServer mariaDb = TestServer.mariaDb().orElseThrow(() -> new IllegalStateException(
            "DatabaseOutageIT runs on the MariaDB pass only (pom.xml excludes it from the H2 pass)"));

    /** One request a client made, with what it got and how long it took. */
    record Call(String what, int status, boolean retryAfter, boolean problem, long millis) {
    }

    @Test
    void whileTheDatabaseIsDown_every_request_is503WithRetryAfter_andServiceResumesByItself() throws Exception {
        String admin = api.admin().access();
        String managerName = api.createUser(admin, "outage", "MANAGER").getString("username");
        String manager = api.login(managerName, Api.PASSWORD).access();
        JsonObject stock = stock(manager, 1_000_000);
        String prefix = "Outage-" + System.nanoTime() + "-";
        AtomicInteger created = new AtomicInteger();
        AtomicInteger allocated = new AtomicInteger();

        List<Function<Integer, Call>> requests = List.of(
                n -> call("list customers", () -> api.get("/api/core/customers?size=5", manager)),
                n -> call("create customer", () -> {
                    Answer answer = api.post("/api/core/customers", manager, Json.createObjectBuilder().add("name", prefix + n).build());
                    if (answer.status() == 201) {
                        created.incrementAndGet();
                    }
                    return answer;
                }),
                n -> call("allocate", () -> {
                    Answer answer = api.post("/api/stock/allocate", manager, Json.createObjectBuilder()
                            .add("product_id", stock.getInt("product_id")).add("client_id", stock.getInt("client_id"))
                            .add("quantity", 1).build());
                    if (answer.status() == 201) {
                        allocated.incrementAndGet();
                    }
                    return answer;
                }),
                n -> call("active users", () -> api.get("/api/core/active-users", null)),
                n -> call("login", () -> api.post("/api/auth/login", null, Json.createObjectBuilder()
                        .add("username", managerName).add("password", Api.PASSWORD).build())));

        List<Call> before = Collections.synchronizedList(new ArrayList<>());
        List<Call> outage = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Call>>> load = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                load.add(clients.submit(() -> {
                    List<Call> unexpected = new ArrayList<>();
                    for (int n = 0; running.get(); n++) {
                        boolean duringOutage = down.get();
                        Call call = requests.get((n + client) % requests.size()).apply(client * 1_000_000 + n);
                        if (duringOutage && down.get()) {
                            outage.add(call);
                        } else if (!duringOutage && !down.get()) {
                            before.add(call);
                            if (call.status() >= 500) {
                                unexpected.add(call);
                            }
                        }
                    }
                    return unexpected;
                }));
            }
            // Everyone works before the outage …
            awaitCalls(before, 20);
            down.set(true);
            mariaDb.stop();
            // … during it, every client keeps asking, and every answer is counted.
            awaitCalls(outage, 40);
            down.set(false);
            mariaDb.restart();
            // The pool recovers by itself: a write succeeds again without restarting Payara.
            long restarted = System.nanoTime();
            long deadline = restarted + Duration.ofSeconds(90).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 201) {
                status = api.post("/api/core/customers", manager, Json.createObjectBuilder().add("name", prefix + "after").build()).status();
            }
            assertEquals(201, status, "service resumed after the database came back");
            System.out.printf("outage: the first write succeeded %d ms after the database was back%n",
                    (System.nanoTime() - restarted) / 1_000_000);
            created.incrementAndGet();
        } finally {
            running.set(false);
            down.set(false);
            clients.shutdown();
        }
        List<Call> failuresOutsideTheOutage = new ArrayList<>();
        for (Future<List<Call>> client : load) {
            failuresOutsideTheOutage.addAll(client.get());
        }

        Map<String, Integer> statuses = new TreeMap<>();
        long slowest = 0;
        for (Call call : outage) {
            statuses.merge(call.what() + " " + call.status(), 1, Integer::sum);
            slowest = Math.max(slowest, call.millis());
        }
        List<Long> millis = outage.stream().map(Call::millis).sorted().toList();
        System.out.printf("outage: %d answers %s, median %d ms, slowest %d ms; slowest calls %s%n", outage.size(), statuses,
                millis.get(millis.size() / 2), slowest,
                outage.stream().sorted((a, b) -> Long.compare(b.millis(), a.millis())).limit(8).toList());
        for (Call call : outage) {
            assertEquals(503, call.status(), () -> "during the outage: " + call);
            assertTrue(call.retryAfter() && call.problem(), () -> "503 problem+json with Retry-After: " + call);
            assertTrue(call.millis() < BOUND.toMillis(), () -> "answered within " + BOUND + ": " + call);
        }
        // Around the stop and the restart a request may meet the database going away; it is a 503 too, never a 500.
        assertTrue(failuresOutsideTheOutage.stream().allMatch(call -> call.status() == 503 && call.problem()),
                () -> "outside the outage: " + failuresOutsideTheOutage);

        // Nothing half-applied: what the clients were told was created or allocated is exactly what is stored.
        assertEquals(1_000_000 - allocated.get(), api.get("/api/stock/" + stock.getInt("id"), manager).ok()
                .getJsonNumber("quantity_on_hand").longValue());
        assertEquals(allocated.get(), api.get("/api/stock/" + stock.getInt("id") + "/allocations", manager).array().size());
        long stored = 0;
        for (int page = 1; ; page++) {
            JsonObject customers = api.get("/api/core/customers?size=500&page=" + page, manager).ok();
            stored += customers.getJsonArray("items").stream()
                    .filter(item -> item.asJsonObject().getString("name").startsWith(prefix)).count();
            if (customers.getJsonArray("items").size() < 500) {
                break;
            }
        }
        assertEquals(created.get(), stored);
    }

    private static void awaitCalls(List<Call> calls, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (calls.size() < atLeast && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertTrue(calls.size() >= atLeast, "clients kept making requests");
    }

    private static Call call(String what, java.util.function.Supplier<Answer> request) {
        long started = System.nanoTime();
        Answer answer = request.get();
        return new Call(what, answer.status(), answer.header("Retry-After").isPresent(),
                answer.header("Content-Type").orElse("").startsWith("application/problem+json"),
                (System.nanoTime() - started) / 1_000_000);
    }

    private JsonObject stock(String manager, long quantity) {
        long product = api.post("/api/products", manager, Json.createObjectBuilder()
                .add("sku", "SKU-OUT-" + System.nanoTime()).add("name", "Outage stock").build()).ok().getInt("id");
        long client = api.post("/api/clients", manager, Json.createObjectBuilder().add("name", "Outage client").build()).ok().getInt("id");
        return api.post("/api/stock", manager, Json.createObjectBuilder().add("product_id", product)
                .add("client_id", client).add("quantity_on_hand", quantity).build()).ok();
    }
}
