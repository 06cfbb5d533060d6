package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import io.tandem.it.ui.UiSession.Viewport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness's own checks can fail: a screen that passes them passes because it is clean, not because the check
 * looked away. Each is run on a page made here with a known fault.
 */
class UiHarnessIT {

    @Test
    void theAxeCheckFailsOnSeriousViolationsAndNamesThem() {
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.page();
            page.setContent("""
                    <!doctype html><html lang="en"><head><title>faults</title></head><body><main>
                    <h1>A screen with faults</h1>
                    <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                    <button id="no-name"></button>
                    </main></body></html>""");

            AssertionError failure = assertThrows(AssertionError.class, ui::assertNoSeriousAxeViolations);

            String message = failure.getMessage();
            assertTrue(message.contains("image-alt [critical]") && message.contains("#no-alt"), message);
            assertTrue(message.contains("button-name [critical]") && message.contains("#no-name"), message);
            assertTrue(message.contains("axe " + Axe.version()), message);
        }
    }

    @Test
    void theAxeCheckPassesAScreenWithoutSeriousViolations() {
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            ui.page().setContent("""
                    <!doctype html><html lang="en"><head><title>clean</title></head><body><main>
                    <h1>A clean screen</h1><button>Save</button>
                    </main></body></html>""");

            ui.assertNoSeriousAxeViolations();
        }
    }

    @Test
    void uncaughtExceptionsAndConsoleErrorsAreCollected() {
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            ui.page().setContent("<!doctype html><title>errors</title>"
                    + "<script>console.error('logged on purpose'); setTimeout(() => { throw new Error('thrown on purpose'); });</script>");
            // Events reach Java asynchronously: let Playwright process them until both have arrived (no sleep).
            ui.page().waitForCondition(() -> !ui.pageErrors().isEmpty() && !ui.consoleErrors().isEmpty());

            AssertionError failure = assertThrows(AssertionError.class, ui::assertNoBrowserErrors);

            assertTrue(failure.getMessage().contains("thrown on purpose"), failure.getMessage());
            assertTrue(failure.getMessage().contains("logged on purpose"), failure.getMessage());
        }
    }
}
