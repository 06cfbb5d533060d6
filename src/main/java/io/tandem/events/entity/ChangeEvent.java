package io.tandem.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of the durable change log, written in the same transaction as the change it tells of. */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    /** Assigned by the change log in commit order, not by AUTO_INCREMENT. */
    @Id
    private Long id;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(name = "subject_type", length = 64)
    private String subjectType;

    @Column(name = "subject_id", length = 64)
    private String subjectId;

    private Long version;

    @Column(name = "user_id")
    private Long userId;

    @Column(length = 64)
    private String username;

    @Lob
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChangeEvent() {
    }

    public ChangeEvent(long id, String type, String subjectType, String subjectId, Long version, Long userId, String username,
                       String payload, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.version = version;
        this.userId = userId;
        this.username = username;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public Long getVersion() {
        return version;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
