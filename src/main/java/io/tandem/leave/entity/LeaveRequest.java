package io.tandem.leave.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for leave: PENDING → APPROVED | REJECTED | CANCELLED (and APPROVED → CANCELLED, which returns the
 * hours). Every move is a conditional UPDATE on the current status, so each happens exactly once.
 */
@Entity
@Table(name = "leave_request")
public class LeaveRequest {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id", nullable = false, updatable = false)
    private Long employeeId;

    @Column(name = "leave_type", nullable = false, length = 16, updatable = false)
    private String leaveType;

    @Column(nullable = false, updatable = false)
    private long hours;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false, updatable = false)
    private LocalDate endDate;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_by_id")
    private Long decidedById;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LeaveRequest() {
    }

    public LeaveRequest(long employeeId, String leaveType, long hours, LocalDate startDate, LocalDate endDate, Instant now) {
        this.employeeId = employeeId;
        this.leaveType = leaveType;
        this.hours = hours;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = PENDING;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public String getLeaveType() {
        return leaveType;
    }

    public long getHours() {
        return hours;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Long getDecidedById() {
        return decidedById;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
