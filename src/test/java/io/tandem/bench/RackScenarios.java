package io.tandem.bench;

import io.tandem.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Seed 002's operations at 1, 16 and 64 clients: heartbeats, claim + release, a 100-record sync batch. */
final class RackScenarios {

    private RackScenarios() {
    }

    static List<Load.Result> run(Api api, String adminToken, String url, double seconds) throws Exception {
        List<Load.Result> results = new ArrayList<>();
        String manager = adminToken;
        String floor = "Bench-" + System.nanoTime();
        api.post("/api/racks/floors", manager, Json.createObjectBuilder().add("name", floor).build()).ok();
        for (int clients : new int[]{1, 16, 64}) {
            String[] racks = new String[clients];
            String[] sessions = new String[clients];
            for (int c = 0; c < clients; c++) {
                racks[c] = "BR-" + clients + "-" + c + "-" + System.nanoTime();
                api.post("/api/racks", manager, Json.createObjectBuilder().add("rack_id", racks[c]).add("floor", floor).build()).ok();
            }
            results.add(Load.run("presence heartbeat (HTTP)", clients, seconds,
                    (c, round) -> expect(api.post("/api/core/heartbeat/", adminToken, null), 200)));
            results.add(Load.run("rack claim + release (HTTP, 2 requests)", clients, seconds, (c, round) -> {
                String session = api.post("/api/racks/" + racks[c] + "/claim", adminToken,
                        Json.createObjectBuilder().add("floor", floor).build()).ok().getString("session_id");
                expect(api.post("/api/racks/" + racks[c] + "/release", adminToken,
                        Json.createObjectBuilder().add("session_id", session).build()), 200);
            }));
            for (int c = 0; c < clients; c++) {
                sessions[c] = api.post("/api/racks/" + racks[c] + "/claim", adminToken,
                        Json.createObjectBuilder().add("floor", floor).build()).ok().getString("session_id");
            }
            results.add(Load.run("session heartbeat = lease renewal (HTTP)", clients, seconds,
                    (c, round) -> expect(api.post("/api/sessions/" + sessions[c] + "/heartbeat", adminToken, null), 200)));
            results.add(Load.run("sync batch of 100 records (HTTP)", clients, seconds, (c, round) -> {
                JsonArrayBuilder records = Json.createArrayBuilder();
                String at = Instant.now().toString();
                for (int i = 0; i < 100; i++) {
                    records.add(Json.createObjectBuilder().add("client_record_id", UUID.randomUUID().toString())
                            .add("session_id", sessions[c]).add("item_code", "ITEM-" + i).add("verified_qty", 1)
                            .add("damage_qty", 0).add("serial_numbers", Json.createArrayBuilder()).add("status", "verified")
                            .add("created_at", at).add("updated_at", at));
                }
                Api.Answer answer = api.post("/api/sync/batch", adminToken, Json.createObjectBuilder().add("records", records).build());
                if (answer.status() != 200 || answer.json().getInt("accepted") != 100) {
                    throw new IllegalStateException(answer.body());
                }
            }));
            results.add(jdbcHeartbeatFloor(url, sessions, clients, seconds));
        }
        return results;
    }

    /** What a lease renewal costs the database alone: the one UPDATE, autocommit. */
    private static Load.Result jdbcHeartbeatFloor(String url, String[] sessions, int clients, double seconds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                connections.add(DriverManager.getConnection(url, "root", ""));
            }
            return Load.run("lease renewal UPDATE (JDBC floor)", clients, seconds, (c, round) -> {
                try (PreparedStatement renew = connections.get(c).prepareStatement(
                        "UPDATE audit_session SET last_heartbeat_at = ?, lease_expires_at = ? WHERE id = ? AND status = 'ACTIVE'")) {
                    Instant now = Instant.now();
                    renew.setTimestamp(1, Timestamp.from(now));
                    renew.setTimestamp(2, Timestamp.from(now.plusSeconds(60)));
                    renew.setString(3, sessions[c]);
                    renew.executeUpdate();
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void expect(Api.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("unexpected " + answer.status() + " " + answer.body());
        }
    }
}
