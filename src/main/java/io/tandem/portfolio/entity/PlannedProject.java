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

/** A project in the planner, inside a program. */
@Entity
@Table(name = "portfolio_project")
public class PlannedProject extends Versioned {

    public record Fields(Long programId, String name, String status, LocalDate startDate, LocalDate endDate) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "program_id", nullable = false)
    private Long programId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "status", nullable = true, length = 32)
    private String status;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = true)
    private LocalDate endDate;

    protected PlannedProject() {
    }

    public PlannedProject(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newProgramId = Require.present("program_id", fields.programId());
        String newName = Require.text("name", fields.name(), 200);
        String newStatus = Require.optionalText("status", fields.status(), 32);
        LocalDate newStartDate = Require.present("start_date", fields.startDate());
        LocalDate newEndDate = fields.endDate();
        Require.ordered("end_date", newStartDate, newEndDate);
        programId = newProgramId;
        name = newName;
        status = newStatus;
        startDate = newStartDate;
        endDate = newEndDate;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getProgramId() {
        return programId;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
