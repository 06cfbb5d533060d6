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

/** Hours a worker booked on a project on a day. */
@Entity
@Table(name = "portfolio_actual")
public class Actual extends Versioned {

    public record Fields(Long projectId, Long workerId, LocalDate workDate, Integer hours) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "worker_id", nullable = false)
    private Long workerId;

    @Column(name = "work_date", nullable = false)
    private LocalDate workDate;

    @Column(name = "hours", nullable = false)
    private Integer hours;

    protected Actual() {
    }

    public Actual(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newProjectId = Require.present("project_id", fields.projectId());
        Long newWorkerId = Require.present("worker_id", fields.workerId());
        LocalDate newWorkDate = Require.present("work_date", fields.workDate());
        Integer newHours = Require.range("hours", fields.hours(), 1, 24);
        projectId = newProjectId;
        workerId = newWorkerId;
        workDate = newWorkDate;
        hours = newHours;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getWorkerId() {
        return workerId;
    }

    public LocalDate getWorkDate() {
        return workDate;
    }

    public Integer getHours() {
        return hours;
    }
}
