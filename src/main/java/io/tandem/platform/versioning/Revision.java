package io.tandem.platform.versioning;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One successful change of a versioned entity, written in the same transaction: which version it produced, who
 * made it, when, and each changed field's old and new value (a JSON array).
 */
@Entity
@Table(name = "revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entity_type", nullable = false, length = 64)
    private String entityType;

    @Column(name = "entity_id", nullable = false)
    private long entityId;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "action", nullable = false, length = 16)
    private String action;

    @Column(name = "changed_by_id")
    private Long changedById;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Lob
    @Column(name = "changes", nullable = false)
    private String changes;

    protected Revision() {
    }

    Revision(String entityType, long entityId, long version, String action, Long changedById, String changedBy,
             Instant changedAt, String changes) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.version = version;
        this.action = action;
        this.changedById = changedById;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.changes = changes;
    }

    @JsonbTransient
    public Long getId() {
        return id;
    }

    public String getEntityType() {
        return entityType;
    }

    public long getEntityId() {
        return entityId;
    }

    public long getVersion() {
        return version;
    }

    public String getAction() {
        return action;
    }

    public Long getChangedById() {
        return changedById;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /** The changes as JSON text; the API shows them parsed (see {@link RevisionView}). */
    @JsonbTransient
    public String getChanges() {
        return changes;
    }
}
