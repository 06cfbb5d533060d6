package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The accessibility check of a screen: Deque's axe-core engine, run inside the page. The script is the
 * {@code axe.min.js} of the {@code com.deque.html.axe-core:playwright} test dependency, read from the class path (its
 * path carries no version, so an upgrade is a version change in the pom and nothing else). The artifact's version
 * and axe's own differ (artifact 4.11.3 carries axe 4.11.4), so the version in failure messages is read from the
 * script itself.
 */
public final class Axe {

    private Axe() {
    }

    /** Where the script sits on the class path. */
    static final String SCRIPT = "axe.min.js";

    private static final Pattern VERSION = Pattern.compile("axe v(\\d+\\.\\d+\\.\\d+\\S*)");

    private static String source;
    private static String version;

    /**
     * Runs every axe rule on the page as it is now and fails listing each violation of impact "serious" or
     * "critical": rule id, impact, what to fix, and the elements (CSS selectors) at fault. Lesser impacts are
     * printed, not failed. Run it on a screen that has finished loading (assert something on it first).
     */
    public static void assertNoSeriousViolations(Page page) {
        inject(page);
        // The page answers JSON text: one string crosses the protocol, whatever shape axe's objects have.
        // preload: false, because axe's CSSOM preload resolves a stylesheet's relative @import against the document
        // instead of the stylesheet (dequelabs/axe-core#5268, open in 4.11/4.12): it requests files that do not
        // exist (404s in the page's console, which the tests treat as errors) and judges css-orientation-lock on the
        // error pages it got back. Without the preload that one rule reports "incomplete"; every other rule runs.
        String answer = (String) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
                  return JSON.stringify(result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({
                      target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
                      html: n.html }))
                  })));
                }""");
        JsonArray violations;
        try (var reader = Json.createReader(new StringReader(answer))) {
            violations = reader.readArray();
        }
        StringBuilder serious = new StringBuilder();
        int count = 0;
        for (JsonValue value : violations) {
            JsonObject violation = value.asJsonObject();
            String impact = violation.getString("impact", "none");
            String line = describe(violation);
            if (impact.equals("serious") || impact.equals("critical")) {
                count++;
                serious.append(line);
            } else {
                System.out.println("axe (" + impact + ", not failed) on " + page.url() + ": " + line);
            }
        }
        if (count > 0) {
            fail(count + " serious or critical accessibility violation(s) (axe " + version + ") on " + page.url()
                    + ":" + serious);
        }
    }

    private static String describe(JsonObject violation) {
        StringBuilder text = new StringBuilder()
                .append("\n  - ").append(violation.getString("id"))
                .append(" [").append(violation.getString("impact", "none")).append("] ")
                .append(violation.getString("help")).append(" (").append(violation.getString("helpUrl")).append(')');
        for (JsonValue node : violation.getJsonArray("nodes")) {
            JsonObject element = node.asJsonObject();
            text.append("\n      at ").append(element.getString("target"))
                    .append("  ").append(element.getString("html"));
        }
        return text.toString();
    }

    /** Adds the script once per document (a navigation or reload starts a new one without it). */
    private static void inject(Page page) {
        if ((Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            return;
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            // A Content-Security-Policy without 'unsafe-inline' blocks an inline script tag; for the check, open the
            // session's context with setBypassCSP(true).
            fail("axe did not load into " + page.url() + " (does a Content-Security-Policy block inline scripts?)");
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the test class path: the pom's test dependency "
                            + "com.deque.html.axe-core:playwright carries it");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher header = VERSION.matcher(source.substring(0, Math.min(200, source.length())));
            version = header.find() ? header.group(1) : "unknown";
        }
        return source;
    }

    /** The version of axe-core the check runs (from the script's header). */
    public static String version() {
        source();
        return version;
    }
}
