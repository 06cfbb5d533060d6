package io.tandem.it.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.regex.Pattern;

/**
 * Every way the browser tests find something on Tandem's pages, in one place: when the UI changes, this is the
 * class to adapt, not each test. Prefer what a person (and a screen reader) sees: labels, roles and accessible
 * names ({@code getByLabel}, {@code getByRole}); an id only for a container the user never reads.
 */
public final class Selectors {

    private Selectors() {
    }

    /**
     * The document title of every screen: "Tandem", or the screen's name first ("Sign in · Tandem"), so a person
     * with many tabs (or a screen reader) knows where they are. For {@code assertThat(page).hasTitle(...)}.
     */
    public static final Pattern PAGE_TITLE = Pattern.compile("^(.+ · )?Tandem$");

    // --- sign-in screen ---------------------------------------------------------------------------------------
    public static final String SIGN_IN_FORM = "#login-form";
    public static final String USERNAME_LABEL = "Username";
    public static final String PASSWORD_LABEL = "Password";
    public static final String SIGN_IN_BUTTON = "Sign in";

    public static Locator signInForm(Page page) {
        return page.locator(SIGN_IN_FORM);
    }

    public static Locator usernameField(Page page) {
        return signInForm(page).getByLabel(USERNAME_LABEL, new Locator.GetByLabelOptions().setExact(true));
    }

    public static Locator passwordField(Page page) {
        return signInForm(page).getByLabel(PASSWORD_LABEL, new Locator.GetByLabelOptions().setExact(true));
    }

    /** Where the sign-in form tells why it did not sign in (an ARIA alert, so screen readers announce it). */
    public static Locator signInError(Page page) {
        return signInForm(page).getByRole(AriaRole.ALERT);
    }

    public static Locator signInButton(Page page) {
        return signInForm(page).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(SIGN_IN_BUTTON).setExact(true));
    }
}
