package io.tandem.storage.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host attached to a storage system, as its inventory import reports it (keyed by the external id). */
@Entity
@Table(name = "storage_host")
public class Host extends Versioned {

    public record Fields(String externalId, String name, String os, String wwpns) {
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

    @Column(length = 100)
    private String os;

    @Column(length = 2000)
    private String wwpns;

    protected Host() {
    }

    public Host(long storageId, Fields fields) {
        this.storageId = storageId;
        this.externalId = Require.text("external_id", fields.externalId(), 128).trim();
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200).trim();
        String newOs = Require.optionalText("os", fields.os(), 100);
        String newWwpns = Require.optionalText("wwpns", fields.wwpns(), 2000);
        name = newName;
        os = newOs;
        wwpns = newWwpns;
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

    public String getOs() {
        return os;
    }

    public String getWwpns() {
        return wwpns;
    }
}
