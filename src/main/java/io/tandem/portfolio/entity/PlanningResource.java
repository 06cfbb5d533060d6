package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resource that can be assigned to projects (a team, a machine). */
@Entity
@Table(name = "portfolio_resource")
public class PlanningResource extends Versioned {

    public record Fields(String name, String kind, Integer capacityHoursPerWeek) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "capacity_hours_per_week", nullable = false)
    private Integer capacityHoursPerWeek;

    protected PlanningResource() {
    }

    public PlanningResource(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200);
        String newKind = Require.text("kind", fields.kind(), 32);
        Integer newCapacityHoursPerWeek = Require.range("capacity_hours_per_week", fields.capacityHoursPerWeek(), 0, 168);
        name = newName;
        kind = newKind;
        capacityHoursPerWeek = newCapacityHoursPerWeek;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public Integer getCapacityHoursPerWeek() {
        return capacityHoursPerWeek;
    }
}
