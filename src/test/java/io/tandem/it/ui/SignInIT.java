package io.tandem.it.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.tandem.it.ui.UiSession.User;
import io.tandem.it.ui.UiSession.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The browser harness's smoke test: the sign-in screen in a real Chromium against the deployed WAR, at both screen
 * sizes, through the form a person uses. If this fails, every other browser test would too.
 */
class SignInIT {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aUserSignsInThroughTheForm(Viewport viewport) {
        User user = UiSession.createUser("ui-sign-in");
        try (UiSession ui = UiSession.open(viewport)) {
            Page page = ui.open("/");
            assertThat(page).hasTitle(Selectors.PAGE_TITLE);
            assertThat(Selectors.signInForm(page)).isVisible();
            ui.screenshot("sign-in");
            ui.assertNoSeriousAxeViolations();

            ui.signIn(user);

            // signIn already waited for the form to go; asserted here too because it is what this test is about.
            assertThat(Selectors.signInForm(page)).isHidden();
            ui.screenshot("signed-in");
            ui.assertNoBrowserErrors();
        }
    }

    /** Without this, "the form is hidden" could pass for a reason other than a successful sign-in. */
    @Test
    void aWrongPasswordKeepsTheSignInForm() {
        User user = UiSession.createUser("ui-wrong-password");
        try (UiSession ui = UiSession.open(Viewport.DESKTOP)) {
            Page page = ui.open("/");
            Selectors.usernameField(page).fill(user.username());
            Selectors.passwordField(page).fill(user.password() + "-wrong");
            // Wait for the server's answer, so the form is checked after the page has handled it, not before.
            Response answer = page.waitForResponse(r -> r.url().endsWith("/api/auth/login"),
                    () -> Selectors.signInButton(page).click());
            assertEquals(401, answer.status());

            // The page has handled the answer once it shows why; only then is "still visible" worth asserting.
            assertThat(Selectors.signInError(page)).hasText(Pattern.compile("\\S"));
            assertThat(Selectors.signInForm(page)).isVisible();
            assertThat(Selectors.usernameField(page)).hasValue(user.username());
        }
    }
}
