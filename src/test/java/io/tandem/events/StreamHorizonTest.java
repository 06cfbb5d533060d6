package io.tandem.events;

import io.tandem.events.control.StreamHorizon;
import io.tandem.events.control.StreamHorizon.Start;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamHorizonTest {

    private static List<Long> deliverable(long cursor, Long... ids) {
        return StreamHorizon.deliverable(cursor, List.of(ids), Long::longValue);
    }

    @Test
    void everythingAfterTheCursorIsDelivered_inIdOrder() {
        assertEquals(List.of(11L, 12L, 13L), deliverable(10, 11L, 12L, 13L));
    }

    @Test
    void aHoleHoldsNothingBack_noMatterHowRecent() {
        // Ids follow commit order, so a hole is purged or was rolled back before that: it never fills. The old
        // rule waited for a recent hole by the clock (and lost late commits once the clock said it was old).
        assertEquals(List.of(12L, 15L), deliverable(10, 12L, 15L));
    }

    @Test
    void nothingAtOrBeforeTheCursorIsSentAgain() {
        assertEquals(List.of(21L), deliverable(20, 18L, 19L, 20L, 21L));
        assertEquals(List.of(), deliverable(20, 20L));
        assertEquals(List.of(), deliverable(20));
    }

    @Test
    void aNewStreamStartsAtTheNewestEvent() {
        assertEquals(new Start(500, false), StreamHorizon.start(null, 500, 100));
    }

    @Test
    void aReconnectReplaysFromItsLastEventId_alsoFromTheLastPurgedOne() {
        assertEquals(new Start(321, false), StreamHorizon.start(321L, 500, 100));
        assertEquals(new Start(100, false), StreamHorizon.start(100L, 500, 100));
        assertEquals(new Start(500, false), StreamHorizon.start(500L, 500, 100));
    }

    @Test
    void anIdBehindThePurgeIsAReset_atTheNewestEvent() {
        assertEquals(new Start(500, true), StreamHorizon.start(99L, 500, 100));
        assertEquals(new Start(500, true), StreamHorizon.start(0L, 500, 100));
    }

    @Test
    void anIdBeyondTheNewest_aLogRestoredFromABackup_startsAtTheNewest() {
        assertEquals(new Start(500, false), StreamHorizon.start(900L, 500, 100));
    }
}
