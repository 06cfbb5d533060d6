package io.tandem.platform.versioning;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * What every editable entity shares: a JPA {@code @Version} (1 on create, +1 on every real change) and who
 * changed it last, when. Entities extend this and let {@link VersionedStore} create, change and delete them;
 * nothing else writes them, so no change skips the version check or its revision.
 */
@MappedSuperclass
public abstract class Versioned {

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_modified_at", nullable = false)
    private Instant lastModifiedAt;

    @Column(name = "last_modified_by_id")
    private Long lastModifiedById;

    @Column(name = "last_modified_by", length = 64)
    private String lastModifiedBy;

    public abstract Long getId();

    /** How a person calls one of these in a sentence: "storage system", "zone". */
    public String noun() {
        return nounOf(getClass());
    }

    /** The entity type's name in revisions, logs and metrics: "storage_system". */
    public String entityType() {
        return typeOf(getClass());
    }

    /** {@code StorageSystem} → "storage system". */
    public static String nounOf(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    public static String typeOf(Class<?> type) {
        return nounOf(type).replace(' ', '_');
    }

    /** The sentence a conflict answers with; the seeds word it this way. Orders say it their own way. */
    public String conflictMessage(String who, String when) {
        return "This " + noun() + " was modified by " + who + " at " + when + ". Please reload and try again.";
    }

    /** Who changed it, when; {@link VersionedStore} calls this on every real change. */
    protected final void stamp(Instant now, Long userId, String username) {
        if (createdAt == null) {
            createdAt = now;
        }
        lastModifiedAt = now;
        lastModifiedById = userId;
        lastModifiedBy = username;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastModifiedAt() {
        return lastModifiedAt;
    }

    public Long getLastModifiedById() {
        return lastModifiedById;
    }

    public String getLastModifiedBy() {
        return lastModifiedBy;
    }
}
