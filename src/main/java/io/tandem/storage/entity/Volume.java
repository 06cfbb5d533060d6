package io.tandem.storage.entity;

import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A volume on a storage system, as its inventory import reports it (keyed by the external id). */
@Entity
@Table(name = "storage_volume")
public class Volume extends Versioned {

    public record Fields(String externalId, String name, Long capacityGb, String hostExternalId) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "storage_id", nullable = false, updatable = false)
    private Long storageId;

    @Column(name = "external_id", nullable = false, updatable = false, length = 128)
    private String externalId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "capacity_gb")
    private Long capacityGb;

    @Column(name = "host_external_id", length = 128)
    private String hostExternalId;

    protected Volume() {
    }

    public Volume(long storageId, Fields fields) {
        this.storageId = storageId;
        this.externalId = Require.text("external_id", fields.externalId(), 128).trim();
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200).trim();
        if (fields.capacityGb() != null && fields.capacityGb() < 0) {
            throw Problem.badRequest("capacity_gb must not be negative.").field("capacity_gb").toException();
        }
        String newHost = Require.optionalText("host_external_id", fields.hostExternalId(), 128);
        name = newName;
        capacityGb = fields.capacityGb();
        hostExternalId = newHost;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getStorageId() {
        return storageId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public Long getCapacityGb() {
        return capacityGb;
    }

    public String getHostExternalId() {
        return hostExternalId;
    }
}
