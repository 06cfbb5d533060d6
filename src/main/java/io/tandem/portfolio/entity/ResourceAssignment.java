package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A resource booked on a project for a period (the planner's calendar). */
@Entity
@Table(name = "portfolio_resource_assignment")
public class ResourceAssignment extends Versioned {

    public record Fields(Long resourceId, Long projectId, LocalDate startDate, LocalDate endDate, Integer allocationPercent) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_id", nullable = false)
    private Long resourceId;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "allocation_percent", nullable = false)
    private Integer allocationPercent;

    protected ResourceAssignment() {
    }

    public ResourceAssignment(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newResourceId = Require.present("resource_id", fields.resourceId());
        Long newProjectId = Require.present("project_id", fields.projectId());
        LocalDate newStartDate = Require.present("start_date", fields.startDate());
        LocalDate newEndDate = Require.present("end_date", fields.endDate());
        Integer newAllocationPercent = Require.range("allocation_percent", fields.allocationPercent(), 1, 100);
        Require.ordered("end_date", newStartDate, newEndDate);
        resourceId = newResourceId;
        projectId = newProjectId;
        startDate = newStartDate;
        endDate = newEndDate;
        allocationPercent = newAllocationPercent;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getResourceId() {
        return resourceId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public Integer getAllocationPercent() {
        return allocationPercent;
    }
}
