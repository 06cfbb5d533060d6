package io.tandem.employees.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.util.Map;
import java.util.TreeMap;

/**
 * A user's employee profile (seed 003): leave balances in hours per leave type, and the hourly rate payroll uses.
 * Balances are changed only by conditional UPDATEs in the leave service, never by read-modify-write here.
 */
@Entity
@Table(name = "employee")
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, unique = true, updatable = false)
    private Long userId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "hourly_rate_cents")
    private Long hourlyRateCents;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "leave_balance", joinColumns = @JoinColumn(name = "employee_id"))
    @MapKeyColumn(name = "leave_type", length = 16)
    @Column(name = "hours", nullable = false)
    private Map<String, Long> balances = new TreeMap<>();

    protected Employee() {
    }

    public Employee(long userId, String name, Long hourlyRateCents, Map<String, Long> balances) {
        this.userId = userId;
        this.name = name;
        this.hourlyRateCents = hourlyRateCents;
        this.balances = new TreeMap<>(balances);
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public Long getHourlyRateCents() {
        return hourlyRateCents;
    }

    public void setHourlyRateCents(Long hourlyRateCents) {
        this.hourlyRateCents = hourlyRateCents;
    }

    public Map<String, Long> getBalances() {
        return Map.copyOf(balances);
    }
}
