package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * How the browser tests find their way around a grid edited in place and saved in bulk (the SAN zones and aliases,
 * the planner's calendar): a row by the record's id, the line under it that says why it was not saved, the
 * toolbar's buttons by what they say, and the body of the bulk request a button sent.
 */
final class BulkGrid {

    private final Page page;
    private final Locator root;

    BulkGrid(Page page, Locator root) {
        this.page = page;
        this.root = root;
    }

    /** The row of the record with this id. */
    Locator row(long id) {
        return root.locator("tr[data-id='" + id + "']");
    }

    /** The line under a row that says why it was not saved, what a refresh brought, or who saved it meanwhile. */
    Locator explanation(long id) {
        return root.locator("tr[data-id='" + id + "'] + tr.explanation");
    }

    /** The word or two next to a row's version: "✓ Saved", "Not saved", "Edited, not saved". */
    Locator shortStatus(long id) {
        return row(id).locator(".short-status");
    }

    /** A control of a row, by its accessible name ("Name of db01_hba0", "Allocation % of …"). */
    Locator control(long id, String accessibleName) {
        return row(id).getByLabel(accessibleName, new Locator.GetByLabelOptions().setExact(true));
    }

    Locator button(String startsWith) {
        // Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting: escape the way both understand.
        String escaped = startsWith.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        return root.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + escaped)));
    }

    /** Presses the toolbar button whose name starts with {@code startsWith} and answers the bulk request it sent. */
    JsonObject pressAndCaptureBulkRequest(String startsWith, String pathEnd) {
        Request request = page.waitForRequest(r -> r.method().equals("POST") && r.url().endsWith(pathEnd),
                () -> button(startsWith).click());
        try (var reader = Json.createReader(new StringReader(request.postData()))) {
            return reader.readObject();
        }
    }
}
