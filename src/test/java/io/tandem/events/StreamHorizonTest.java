package io.tandem.events;

import io.tandem.events.control.StreamHorizon;
import io.tandem.events.control.StreamHorizon.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamHorizonTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static Row row(long id, int secondsAgo) {
        return new Row(id, NOW.minusSeconds(secondsAgo));
    }

    @Test
    void aContiguousRunIsDeliveredWhole() {
        List<Row> rows = List.of(row(11, 1), row(12, 1), row(13, 0));
        assertEquals(rows, StreamHorizon.deliverable(10, rows, NOW, GRACE));
    }

    @Test
    void aFreshGapHoldsBackEverythingAfterIt() {
        // 11 committed before 10: sending 11 now would lose 10 for ever.
        assertEquals(List.of(), StreamHorizon.deliverable(9, List.of(row(11, 1)), NOW, GRACE));
        assertEquals(List.of(row(10, 2)), StreamHorizon.deliverable(9, List.of(row(10, 2), row(12, 1)), NOW, GRACE));
    }

    @Test
    void anOldGapIsARolledBackIdAndIsSkipped() {
        List<Row> rows = List.of(row(12, 11), row(13, 5));
        assertEquals(rows, StreamHorizon.deliverable(10, rows, NOW, GRACE));
    }
}
