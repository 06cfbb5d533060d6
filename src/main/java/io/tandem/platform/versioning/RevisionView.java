package io.tandem.platform.versioning;

import jakarta.json.Json;
import jakarta.json.JsonArray;

import java.io.StringReader;
import java.time.Instant;

/** A revision as {@code GET …/{id}/history} shows it. */
public record RevisionView(long version, String action, Long changedById, String changedBy, Instant changedAt,
                           JsonArray changes) {

    public static RevisionView of(Revision revision) {
        try (var reader = Json.createReader(new StringReader(revision.getChanges()))) {
            return new RevisionView(revision.getVersion(), revision.getAction(), revision.getChangedById(),
                    revision.getChangedBy(), revision.getChangedAt(), reader.readArray());
        }
    }
}
