package io.tandem.auth;

import io.tandem.auth.control.FirstAdministrator;
import io.tandem.auth.control.FirstAdministrator.Outcome;
import io.tandem.it.FreshDatabase;
import io.tandem.it.Race;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several nodes starting at once on one empty database, each running the first-start logic of
 * {@code AdminBootstrap} ({@link FirstAdministrator}) on a connection of its own, on a migrated database of this
 * test's own (MariaDB or H2, like the suite). Booting several Payara Micros would prove the same more slowly.
 */
class AdminBootstrapIT {

    private static final int NODES = 8;
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void eightNodesStartOnOneEmptyDatabaseAtOnce_exactlyOneCreatesTheAdministrator_noneFails() throws Exception {
        for (int round = 0; round < 3; round++) {
            String url = migratedDatabase();
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            Race.run(NODES, node -> outcomes.add(FirstAdministrator.createIfNoUsers(
                    () -> DriverManager.getConnection(url, "root", ""), "admin", () -> "hash-of-node-" + node, NOW)));

            assertEquals(1, outcomes.stream().filter(Outcome.CREATED::equals).count(), outcomes.toString());
            assertEquals(NODES - 1, outcomes.stream().filter(Outcome.ALREADY_THERE::equals).count(), outcomes.toString());
            assertEquals(List.of("admin ADMIN"), usersAndRoles(url));
        }
    }

    @Test
    void aDatabaseThatHasUsersIsLeftAlone() throws Exception {
        String url = migratedDatabase();
        assertEquals(Outcome.CREATED, FirstAdministrator.createIfNoUsers(() -> DriverManager.getConnection(url, "root", ""),
                "admin", () -> "first", NOW));
        assertEquals(Outcome.ALREADY_THERE, FirstAdministrator.createIfNoUsers(() -> DriverManager.getConnection(url, "root", ""),
                "root", () -> "second", NOW));
        assertEquals(List.of("admin ADMIN"), usersAndRoles(url));
    }

    private static String migratedDatabase() throws SQLException {
        String url = FreshDatabase.create("bootstrap");
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
        return url;
    }

    private static List<String> usersAndRoles(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT u.username, r.role FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id ORDER BY u.id")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2));
            }
        }
        return rows;
    }
}
