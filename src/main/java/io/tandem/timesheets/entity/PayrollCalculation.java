package io.tandem.timesheets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The pay for one approved timesheet; the unique timesheet_id makes a second one impossible. */
@Entity
@Table(name = "payroll_calculation")
public class PayrollCalculation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "timesheet_id", nullable = false, unique = true, updatable = false)
    private Long timesheetId;

    @Column(name = "employee_id", nullable = false, updatable = false)
    private Long employeeId;

    @Column(name = "total_hours", nullable = false, updatable = false)
    private int totalHours;

    @Column(name = "hourly_rate_cents", nullable = false, updatable = false)
    private long hourlyRateCents;

    @Column(name = "gross_cents", nullable = false, updatable = false)
    private long grossCents;

    @Column(name = "calculated_at", nullable = false, updatable = false)
    private Instant calculatedAt;

    protected PayrollCalculation() {
    }

    public PayrollCalculation(long timesheetId, long employeeId, int totalHours, long hourlyRateCents, Instant now) {
        this.timesheetId = timesheetId;
        this.employeeId = employeeId;
        this.totalHours = totalHours;
        this.hourlyRateCents = hourlyRateCents;
        this.grossCents = Math.multiplyExact(totalHours, hourlyRateCents);
        this.calculatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getTimesheetId() {
        return timesheetId;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public int getTotalHours() {
        return totalHours;
    }

    public long getHourlyRateCents() {
        return hourlyRateCents;
    }

    public long getGrossCents() {
        return grossCents;
    }

    public Instant getCalculatedAt() {
        return calculatedAt;
    }
}
