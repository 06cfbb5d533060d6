package io.tandem.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Path;
import java.util.List;

/**
 * How the suite's server is configured, and the JUnit session hook that stops it (and its MariaDB) when the test
 * JVM is done. Unit test runs never start one: {@link TestServer} starts lazily, on the first integration test.
 */
public class TestDatabase implements LauncherSessionListener {

    /** Used by the tests that sign in as the administrator; the WAR creates it on first start. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Lets tests sign tokens of their own (wrong issuer, tampered …) with the server's real key. */
    public static final String JWT_SECRET = "dGFuZGVtLWludGVncmF0aW9uLXRlc3Qtc2lnbmluZy1zZWNyZXQtMzItYnl0ZXMhIQ==";

    /** The JVM options of a Payara Micro that serves the WAR on {@code database} for tests and benchmarks. */
    public static List<String> payaraOptions(String database, Path dataDir) {
        return List.of(
                "-Xmx1g", "-XX:+UseParallelGC", "-Duser.timezone=UTC",
                "-Dorg.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110=false",
                "-Dorg.glassfish.grizzly.http.STRICT_HEADER_NAME_VALIDATION_RFC_9110=false",
                "-Dtandem.db.url=" + database,
                "-Dtandem.db.user=root",
                "-Dtandem.data.dir=" + dataDir,
                "-Dtandem.admin.password=" + ADMIN_PASSWORD,
                "-Dtandem.auth.jwt-secret=" + JWT_SECRET,
                "-Dtandem.auth.password-iterations=1024",
                "-Dtandem.auth.refresh-reuse-window=PT10S",
                "-Dtandem.test.clock-control=true");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestServer.stop();
    }
}
