package io.tandem.it.ui;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one Chromium the browser tests share: Playwright and Debian's Chromium, started on first use, once per test
 * JVM, and closed when the JUnit session closes (this class is also that session hook, registered beside
 * {@link io.tandem.it.TestDatabase}, which stops the server). Each {@link UiSession} gets a fresh
 * {@link com.microsoft.playwright.BrowserContext} of its own (no cookies, storage or cache shared between tests), so
 * one browser process is enough and saves a launch per test.
 * <p>
 * Playwright never downloads a browser (it cannot here): {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} is set for its
 * driver, and Chromium is {@code /usr/bin/chromium} (Debian's {@code chromium} package, which {@code .ci/run}
 * installs; {@code -Dtandem.it.chromium=...} points elsewhere). Playwright's objects are not thread-safe: the
 * tests drive them from JUnit's one thread.
 */
public final class Browser implements LauncherSessionListener {

    /** Flags for a headless Chromium that stays off the network except for the pages it is sent to. */
    static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /**
     * How long an assertion such as {@code assertThat(locator).isVisible()} keeps retrying before it fails (default
     * 5 s). A deadline, not a wait: it passes as soon as the condition holds; CI is a busy 2-core machine where
     * Payara, MariaDB and Chromium share the cores.
     */
    static final double ASSERTION_TIMEOUT_MILLIS = 15_000;

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    /** Used by JUnit's {@link java.util.ServiceLoader} only. */
    public Browser() {
    }

    /** The shared Chromium, started on first use (again if it went away). */
    static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium != null && chromium.isConnected()) {
            return chromium;
        }
        stop();
        Path executable = Path.of(System.getProperty("tandem.it.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable
                    + ": install Debian's package (apt-get install chromium; .ci/run does it)");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MILLIS);
        // Set here too, not only in failsafe's environment, so a run from an IDE never starts a download either.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return chromium;
    }

    /** Closes Chromium and Playwright's driver process; the next {@link #chromium()} starts them again. */
    static synchronized void stop() {
        try {
            if (playwright != null) {
                playwright.close();   // closes the browser and every context with it
            }
        } finally {
            playwright = null;
            chromium = null;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }
}
