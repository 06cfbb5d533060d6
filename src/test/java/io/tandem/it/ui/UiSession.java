package io.tandem.it.ui;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One person at one screen: a fresh browser context (own cookies, storage, cache) at a viewport, opened on the
 * suite's server, with one page. Close it at the end of the test (try-with-resources). It records the console
 * errors and uncaught exceptions of every page in the context, so a test can assert the UI ran cleanly.
 * <p>
 * Nothing here sleeps: Playwright's actions wait until an element can be acted on, and
 * {@code assertThat(locator)} retries until its condition holds or {@link Browser#ASSERTION_TIMEOUT_MILLIS} runs out.
 * Several sessions at once (A and B at two screens) share the one Chromium.
 */
public final class UiSession implements AutoCloseable {

    /** The screen sizes the UI must work at; a screenshot's file name ends with the suffix. */
    public enum Viewport {
        DESKTOP(1280, 800, "desktop"),
        TABLET(800, 1280, "tablet");

        final int width;
        final int height;
        final String suffix;

        Viewport(int width, int height, String suffix) {
            this.width = width;
            this.height = height;
            this.suffix = suffix;
        }
    }

    /** A user the test created through the API, with the password to type into the sign-in form. */
    public record User(String username, String password, JsonObject json) {
    }

    private static Api api;

    private final Viewport viewport;
    private final BrowserContext context;
    private final Page page;
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());

    private UiSession(Viewport viewport, BrowserContext context) {
        this.viewport = viewport;
        this.context = context;
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text() + " (" + message.location() + ")");
            }
        });
        context.onWebError(error -> pageErrors.add(error.error()));
        this.page = context.newPage();
    }

    /**
     * A new context at {@code viewport} whose relative URLs resolve against the suite's server
     * ({@code page().navigate("/")}); its page is still blank.
     */
    public static UiSession open(Viewport viewport) {
        BrowserContext context = Browser.chromium().newContext(new NewContextOptions()
                .setViewportSize(viewport.width, viewport.height)
                .setBaseURL(TestServer.url().toString())
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
        try {
            return new UiSession(viewport, context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** The suite's API client, for setting up what a screen shows (users, records) and for the server clock. */
    public static synchronized Api api() {
        if (api == null) {
            api = new Api(TestServer.url());
        }
        return api;
    }

    /** Creates a user through the API (as the administrator); the name is unique, starting with {@code prefix}. */
    public static User createUser(String prefix, String... roles) {
        Api client = api();
        JsonObject created = client.createUser(client.admin().access(), prefix, roles);
        return new User(created.getString("username"), Api.PASSWORD, created);
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Opens {@code path} (relative to the server, e.g. "/") in this session's page. */
    public Page open(String path) {
        page.navigate(path);
        return page;
    }

    /**
     * Signs {@code user} in through the real sign-in form, as a person would: opens "/", types the username and
     * password, presses "Sign in", and returns once the form has gone (fails with the page's own words if not).
     */
    public Page signIn(User user) {
        return signIn(user.username(), user.password());
    }

    public Page signIn(String username, String password) {
        open("/");
        Selectors.usernameField(page).fill(username);
        Selectors.passwordField(page).fill(password);
        Selectors.signInButton(page).click();
        assertThat(Selectors.signInForm(page)).isHidden();
        return page;
    }

    /** A full-page screenshot at {@code target/screenshots/<name>-<viewport>.png}, e.g. "sign-in-desktop.png". */
    public Path screenshot(String name) {
        Path file = Path.of(System.getProperty("tandem.it.screenshots", "target/screenshots"))
                .resolve(name + "-" + viewport.suffix + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Fails listing every serious or critical axe-core violation on the page as it is now ({@link Axe}). */
    public void assertNoSeriousAxeViolations() {
        Axe.assertNoSeriousViolations(page);
    }

    /** What the pages of this context logged as errors so far ("Failed to load resource: …" for a 4xx/5xx too). */
    public List<String> consoleErrors() {
        synchronized (consoleErrors) {
            return List.copyOf(consoleErrors);
        }
    }

    /** Exceptions the pages' scripts threw and nobody caught, so far. */
    public List<String> pageErrors() {
        synchronized (pageErrors) {
            return List.copyOf(pageErrors);
        }
    }

    /** Fails if any page of this context logged an error or threw an uncaught exception so far. */
    public void assertNoBrowserErrors() {
        List<String> errors = new ArrayList<>(pageErrors());
        errors.addAll(consoleErrors());
        assertTrue(errors.isEmpty(), () -> "the browser reported errors:\n  " + String.join("\n  ", errors));
    }

    /**
     * Like {@link #assertNoBrowserErrors}, except the line Chromium logs for every 4xx answer: a test that provokes
     * a conflict or a refusal expects those, and the UI handled them.
     */
    public void assertNoBrowserErrorsButRefusals() {
        List<String> errors = new ArrayList<>(pageErrors());
        consoleErrors().stream().filter(e -> !e.matches("(?s)Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .forEach(errors::add);
        assertTrue(errors.isEmpty(), () -> "the browser reported errors:\n  " + String.join("\n  ", errors));
    }

    /** Closes the context and its pages (the shared Chromium stays). */
    @Override
    public void close() {
        context.close();
    }
}
