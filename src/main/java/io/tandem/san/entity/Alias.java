package io.tandem.san.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SAN alias: a named WWPN in a fabric, optionally assigned to a host. */
@Entity
@Table(name = "san_alias")
public class Alias extends Versioned {

    public record Fields(Long projectId, String name, String wwpn, String fabric, Long hostId) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 23)
    private String wwpn;

    @Column(nullable = false, length = 64)
    private String fabric;

    @Column(name = "host_id")
    private Long hostId;

    protected Alias() {
    }

    public Alias(Fields fields) {
        this.projectId = Require.present("project_id", fields.projectId());
        apply(fields);
    }

    public final void apply(Fields fields) {
        SanRules.sameProject(projectId, fields.projectId());
        String newName = Require.text("name", fields.name(), 128).trim();
        String newWwpn = Wwpn.normalize(fields.wwpn());
        String newFabric = Require.text("fabric", fields.fabric(), 64).trim();
        name = newName;
        wwpn = newWwpn;
        fabric = newFabric;
        hostId = fields.hostId();
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public String getWwpn() {
        return wwpn;
    }

    public String getFabric() {
        return fabric;
    }

    public Long getHostId() {
        return hostId;
    }
}
