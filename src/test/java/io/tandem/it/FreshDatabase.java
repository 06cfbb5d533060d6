package io.tandem.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty database of a test's own, for tests that work below the WAR (migrations, startup logic): a new
 * database on the suite's MariaDB server, or an in-memory H2 in MySQL mode when the suite runs on H2.
 * Connect with user {@code root} and an empty password.
 */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    /** The JDBC URL of a new, empty database whose name starts with {@code prefix}. */
    public static String create(String prefix) throws SQLException {
        String suiteDatabase = TestServer.jdbcUrl();
        String name = prefix + "_" + System.nanoTime();
        if (suiteDatabase.isEmpty()) {
            return "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        }
        String server = suiteDatabase.substring(0, suiteDatabase.indexOf("/tandem?") + 1);
        try (Connection connection = DriverManager.getConnection(server + "?user=root&sslMode=DISABLED");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return suiteDatabase.replace("/tandem?", "/" + name + "?");
    }
}
