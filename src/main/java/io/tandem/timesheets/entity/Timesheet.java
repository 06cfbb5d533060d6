package io.tandem.timesheets.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A week of hours: DRAFT → SUBMITTED → APPROVED | REJECTED; approval creates exactly one payroll calculation. */
@Entity
@Table(name = "timesheet")
public class Timesheet {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** Hours worked on one day. */
    @Embeddable
    public static class Entry {
        @Column(name = "work_date", nullable = false)
        private LocalDate workDate;

        @Column(nullable = false)
        private int hours;

        protected Entry() {
        }

        public Entry(LocalDate workDate, int hours) {
            this.workDate = workDate;
            this.hours = hours;
        }

        public LocalDate getWorkDate() {
            return workDate;
        }

        public int getHours() {
            return hours;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id", nullable = false, updatable = false)
    private Long employeeId;

    @Column(name = "week_start", nullable = false, updatable = false)
    private LocalDate weekStart;

    @Column(nullable = false, length = 16)
    private String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "timesheet_entry", joinColumns = @JoinColumn(name = "timesheet_id"))
    @OrderBy("workDate")
    private List<Entry> entries = new ArrayList<>();

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Timesheet() {
    }

    public Timesheet(long employeeId, LocalDate weekStart, List<Entry> entries, Instant now) {
        this.employeeId = employeeId;
        this.weekStart = weekStart;
        this.entries = new ArrayList<>(entries);
        this.status = DRAFT;
        this.createdAt = now;
    }

    public int totalHours() {
        return entries.stream().mapToInt(Entry::getHours).sum();
    }

    public Long getId() {
        return id;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public LocalDate getWeekStart() {
        return weekStart;
    }

    public String getStatus() {
        return status;
    }

    public List<Entry> getEntries() {
        return List.copyOf(entries);
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
