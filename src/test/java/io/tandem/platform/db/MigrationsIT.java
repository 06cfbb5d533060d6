package io.tandem.platform.db;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Flyway scripts on a database that already holds rows from before optimistic locking: the rows come out
 * with version 1. Runs on the suite's MariaDB server (a database of its own) and on H2 in MySQL mode.
 */
class MigrationsIT {

    private static final List<String> VERSIONED_TABLES = List.of("customer", "project", "storage_system", "customer_order");

    @Test
    void rowsFromBeforeVersioningGetVersionOne() throws SQLException {
        String url = io.tandem.it.FreshDatabase.create("migration");
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO customer (id, name) VALUES (1, 'Existing customer')");
            sql.execute("INSERT INTO project (id, customer_id, name) VALUES (1, 1, 'Existing project')");
            sql.execute("INSERT INTO storage_system (id, name) VALUES (1, 'Existing array')");
            sql.execute("INSERT INTO customer_order (id, order_number, client_name, product, quantity, status)"
                    + " VALUES (1, 'LEGACY-1', 'Misty', 'Labels', 10, 'CONFIRMED')");
        }

        var result = Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
        assertTrue(result.migrationsExecuted >= 1);

        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement sql = connection.createStatement()) {
            for (String table : VERSIONED_TABLES) {
                try (ResultSet row = sql.executeQuery("SELECT version, created_at, last_modified_at FROM " + table + " WHERE id = 1")) {
                    assertTrue(row.next(), table);
                    assertEquals(1, row.getLong("version"), table);
                    assertNotNull(row.getTimestamp("created_at"), table);
                    assertNotNull(row.getTimestamp("last_modified_at"), table);
                }
            }
            // version is NOT NULL DEFAULT 1: a row inserted without one (e.g. by an old client) starts at 1 too.
            sql.execute("INSERT INTO customer (id, name) VALUES (2, 'Inserted after')");
            try (ResultSet row = sql.executeQuery("SELECT version FROM customer WHERE id = 2")) {
                assertTrue(row.next());
                assertEquals(1, row.getLong(1));
            }
        }
    }
}
