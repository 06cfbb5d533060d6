package io.tandem.events.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where a stream starts and what it may send. Change-log ids follow commit order without holes: the change log
 * takes each id from a counter row that the writing transaction keeps locked until it ends, so the next writer
 * gets the next id only after this one committed, and a rollback hands its id to the next writer. Whenever a
 * reader sees id n, every smaller id that will ever exist is visible too. So a stream sends everything after its
 * cursor, in id order, and waits for nothing: no grace period, and no clock of any node (or of the database)
 * decides whether an event is delivered. A hole can only be a purged part of the log or an id that rolled back
 * before ids followed commit order; neither will ever be filled, so neither holds anything back.
 */
public final class StreamHorizon {

    /** A new stream's cursor (it sends what comes after it) and whether the client must reload first. */
    public record Start(long cursor, boolean reset) {
    }

    private StreamHorizon() {
    }

    /**
     * Without a Last-Event-ID a stream starts at the newest event; with one it replays what came after it. An id
     * beyond the newest (a log restored from a backup) starts at the newest; an id older than the purged part of
     * the log cannot be replayed completely, so the client is told to reload.
     */
    public static Start start(Long lastEventId, long latest, long purgedThrough) {
        if (lastEventId == null || lastEventId > latest) {
            return new Start(latest, false);
        }
        if (lastEventId < purgedThrough) {
            return new Start(latest, true);
        }
        return new Start(lastEventId, false);
    }

    /** What a stream at {@code cursor} sends now, from rows read in id order: every row after the cursor. */
    public static <R> List<R> deliverable(long cursor, List<R> rowsInIdOrder, ToLongFunction<R> id) {
        List<R> deliver = new ArrayList<>();
        long last = cursor;
        for (R row : rowsInIdOrder) {
            long next = id.applyAsLong(row);
            if (next > last) {
                deliver.add(row);
                last = next;
            }
        }
        return deliver;
    }
}
