package io.tandem.platform.versioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How many version conflicts one entity type has met on all nodes, and when the last one was. Read-only here. */
@Entity
@Table(name = "version_conflict_count")
public class ConflictCount {

    @Id
    @Column(name = "entity_type", length = 64)
    private String entityType;

    @Column(name = "conflicts", nullable = false)
    private long count;

    @Column(name = "last_conflict_at", nullable = false)
    private Instant lastConflictAt;

    protected ConflictCount() {
    }

    public String getEntityType() {
        return entityType;
    }

    public long getCount() {
        return count;
    }

    public Instant getLastConflictAt() {
        return lastConflictAt;
    }
}
