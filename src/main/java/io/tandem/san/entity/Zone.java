package io.tandem.san.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A SAN zone: a named set of aliases in one fabric. Its members are part of its versioned state. */
@Entity
@Table(name = "san_zone")
public class Zone extends Versioned {

    public record Fields(Long projectId, String name, String fabric, List<Long> members) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 64)
    private String fabric;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "san_zone_member", joinColumns = @JoinColumn(name = "zone_id"))
    @Column(name = "alias_id", nullable = false)
    private List<Long> members = new ArrayList<>();

    protected Zone() {
    }

    public Zone(Fields fields) {
        this.projectId = Require.present("project_id", fields.projectId());
        apply(fields);
    }

    /** The members must be aliases of the zone's project and fabric; the service checks that first. */
    public final void apply(Fields fields) {
        SanRules.sameProject(projectId, fields.projectId());
        String newName = Require.text("name", fields.name(), 128).trim();
        String newFabric = Require.text("fabric", fields.fabric(), 64).trim();
        List<Long> newMembers = fields.members() == null ? List.of() : List.copyOf(new TreeSet<>(fields.members()));
        name = newName;
        fabric = newFabric;
        if (!newMembers.equals(members)) {
            members = new ArrayList<>(newMembers);
        }
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

    public String getFabric() {
        return fabric;
    }

    public List<Long> getMembers() {
        return List.copyOf(new TreeSet<>(members));
    }
}
