package io.tandem.events.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which change-log rows a stream may deliver now. Ids come from AUTO_INCREMENT, which hands them out at insert,
 * not at commit: transaction B may commit id 11 while A still holds id 10. A reader that sent 11 and continued
 * "after 11" would never send 10. So a stream delivers only a gap-free run after its cursor; a gap is waited for,
 * and given up (a rolled-back insert leaves a hole for ever) once the row after it is older than {@code grace}.
 */
public final class StreamHorizon {

    /** A row of the change log, as far as ordering goes. */
    public record Row(long id, Instant createdAt) {
    }

    private StreamHorizon() {
    }

    /** The rows, in id order, that can be delivered after {@code cursor} without ever skipping a later commit. */
    public static <R extends Row> List<R> deliverable(long cursor, List<R> rowsAfterCursor, Instant now, Duration grace) {
        List<R> deliver = new ArrayList<>();
        long expected = cursor + 1;
        for (R row : rowsAfterCursor) {
            if (row.id() != expected && now.isBefore(row.createdAt().plus(grace))) {
                break;
            }
            deliver.add(row);
            expected = row.id() + 1;
        }
        return deliver;
    }
}
