package io.tandem.platform.versioning;

import jakarta.enterprise.context.RequestScoped;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The version conflicts one request met, by entity type, kept until its transaction is over: the request's own
 * transaction rolls back on a conflict, so the count cannot be written in it ({@link ConflictCountFilter}).
 */
@RequestScoped
public class ConflictTally {

    private final SortedMap<String, Long> conflicts = new TreeMap<>();

    void add(String entityType) {
        conflicts.merge(entityType, 1L, Long::sum);
    }

    /** What was met so far, by entity type in name order; the tally is empty afterwards. */
    SortedMap<String, Long> drain() {
        SortedMap<String, Long> met = new TreeMap<>(conflicts);
        conflicts.clear();
        return met;
    }

    boolean isEmpty() {
        return conflicts.isEmpty();
    }
}
