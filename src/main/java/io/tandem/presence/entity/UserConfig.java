package io.tandem.presence.entity;

import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's working context (seed 000): the customer and project they are active on. Versioned like any edit. */
@Entity
@Table(name = "user_config")
public class UserConfig extends Versioned {

    public record Fields(Long activeCustomerId, Long activeProjectId) {
    }

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "active_customer_id")
    private Long activeCustomerId;

    @Column(name = "active_project_id")
    private Long activeProjectId;

    protected UserConfig() {
    }

    public UserConfig(long userId) {
        this.userId = userId;
    }

    /** The service has checked that the project (if any) belongs to the customer. */
    public void apply(Fields fields) {
        activeCustomerId = fields.activeCustomerId();
        activeProjectId = fields.activeProjectId();
    }

    @Override
    public Long getId() {
        return userId;
    }

    public Long getActiveCustomerId() {
        return activeCustomerId;
    }

    public Long getActiveProjectId() {
        return activeProjectId;
    }
}
