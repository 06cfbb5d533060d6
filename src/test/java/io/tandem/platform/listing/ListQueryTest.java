package io.tandem.platform.listing;

import io.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shape of {@code ?sort=} and {@code ?q=}, and the LIKE pattern a search becomes. */
class ListQueryTest {

    @Test
    void aLeadingMinusSortsDescending_noSortIsTheDefaultOrder() {
        assertEquals(Optional.of(new ListQuery.Sort("name", false)), ListQuery.of("name", null).sort());
        assertEquals(Optional.of(new ListQuery.Sort("last_modified_at", true)), ListQuery.of("-last_modified_at", null).sort());
        assertEquals(Optional.empty(), ListQuery.of(" ", null).sort());
        assertEquals(Optional.empty(), ListQuery.none().sort());
    }

    @Test
    void theUsersWildcardsMatchOnlyThemselves_andCaseIsIgnored() {
        assertEquals("%abc%", ListQuery.containing("ABC"));
        assertEquals("%100!%%", ListQuery.containing("100%"));
        assertEquals("%a!_b%", ListQuery.containing("a_b"));
        assertEquals("%wow!!%", ListQuery.containing("wow!"));
        assertEquals("%c:\\temp%", ListQuery.containing("C:\\Temp"), "the backslash is no escape here");
    }

    @Test
    void searchTextIsTrimmed_blankIsNoSearch_tooLongIsA400NamingQ() {
        assertEquals(Optional.of("hall a"), ListQuery.of(null, "  hall a ").text());
        assertEquals(Optional.empty(), ListQuery.of(null, "   ").text());
        assertEquals(ListQuery.MAX_TEXT, ListQuery.of(null, "x".repeat(ListQuery.MAX_TEXT)).text().orElseThrow().length());
        ProblemException tooLong = assertThrows(ProblemException.class,
                () -> ListQuery.of(null, "x".repeat(ListQuery.MAX_TEXT + 1)).text());
        assertEquals(400, tooLong.problem().status());
        assertEquals("q", tooLong.problem().members().get("field"));
    }
}
