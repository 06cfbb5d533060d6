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

/** A phase of a planned project. */
@Entity
@Table(name = "portfolio_project_phase")
public class ProjectPhase extends Versioned {

    public record Fields(Long projectId, String name, LocalDate startDate, LocalDate endDate) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = true)
    private LocalDate endDate;

    protected ProjectPhase() {
    }

    public ProjectPhase(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newProjectId = Require.present("project_id", fields.projectId());
        String newName = Require.text("name", fields.name(), 200);
        LocalDate newStartDate = Require.present("start_date", fields.startDate());
        LocalDate newEndDate = fields.endDate();
        Require.ordered("end_date", newStartDate, newEndDate);
        projectId = newProjectId;
        name = newName;
        startDate = newStartDate;
        endDate = newEndDate;
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

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
