package io.tandem.leave.boundary;

import io.tandem.employees.boundary.Employees;
import io.tandem.employees.entity.Employee;
import io.tandem.events.boundary.ChangeLog;
import io.tandem.leave.entity.LeaveRequest;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave requests and their decisions (seed 003, 1.2), each decision exactly once. Approving moves the status
 * with a conditional UPDATE (only a PENDING request moves) and deducts the balance with another (only if enough
 * is left), in one transaction: if the balance is short, both roll back and the request stays pending.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class LeaveRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Employees employees;

    @Inject
    Clock clock;

    @Inject
    ChangeLog changes;

    private static final Set<String> STATUSES = Set.of(LeaveRequest.PENDING, LeaveRequest.APPROVED, LeaveRequest.REJECTED,
            LeaveRequest.CANCELLED);

    public record NewRequest(Long employeeId, String leaveType, Long hours, LocalDate startDate, LocalDate endDate) {
    }

    public LeaveRequest create(NewRequest request) {
        Caller me = caller.get();
        Employee employee = request.employeeId() == null ? employees.mine() : employees.get(request.employeeId());
        if (!employee.getUserId().equals(me.id()) && !me.hasRole(Roles.MANAGER) && !me.hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only managers can request leave for someone else.").toException();
        }
        String type = Require.oneOf("leave_type", request.leaveType(), Employees.LEAVE_TYPES);
        if (request.hours() == null || request.hours() < 1 || request.hours() > 2000) {
            throw Problem.badRequest("hours must be a whole number from 1 to 2000.").field("hours").toException();
        }
        LocalDate start = Require.present("start_date", request.startDate());
        LocalDate end = Require.present("end_date", request.endDate());
        Require.ordered("end_date", start, end);
        LeaveRequest leave = new LeaveRequest(employee.getId(), type, request.hours(), start, end, clock.instant());
        em.persist(leave);
        em.flush();
        changed(leave);
        return leave;
    }

    public LeaveRequest get(long id) {
        LeaveRequest leave = em.find(LeaveRequest.class, id);
        if (leave == null) {
            throw Problem.notFound("There is no leave request " + id + ".").toException();
        }
        employees.requireMayRead(leave.getEmployeeId());
        em.refresh(leave);
        return leave;
    }

    /**
     * Oldest first (the order to decide them in), optionally of one status and one employee. Employees without a
     * manager's role see only their own (and get 404 when they have no employee profile).
     */
    public List<LeaveRequest> list(String status, Long employeeId) {
        Caller me = caller.get();
        Long employee = me.hasRole(Roles.MANAGER) || me.hasRole(Roles.ADMIN) ? employeeId : employees.mine().getId();
        return em.createQuery("SELECT r FROM LeaveRequest r WHERE (:status IS NULL OR r.status = :status)"
                        + " AND (:employee IS NULL OR r.employeeId = :employee) ORDER BY r.id", LeaveRequest.class)
                .setParameter("status", status == null || status.isBlank() ? null : Require.oneOf("status", status, STATUSES))
                .setParameter("employee", employee).setMaxResults(500).getResultList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public LeaveRequest approve(long id) {
        LeaveRequest leave = notOwn(id, "approve");
        decide(leave, LeaveRequest.PENDING, LeaveRequest.APPROVED);
        int deducted = em.createNativeQuery("UPDATE leave_balance SET hours = hours - ?"
                        + " WHERE employee_id = ? AND leave_type = ? AND hours >= ?")
                .setParameter(1, leave.getHours()).setParameter(2, leave.getEmployeeId())
                .setParameter(3, leave.getLeaveType()).setParameter(4, leave.getHours()).executeUpdate();
        if (deducted == 0) {
            throw Problem.conflict("Insufficient balance").type("insufficient-balance").with("error", "Insufficient balance")
                    .with("requested_hours", leave.getHours()).toException();
        }
        return changed(get(id));
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public LeaveRequest reject(long id) {
        LeaveRequest leave = notOwn(id, "reject");
        decide(leave, LeaveRequest.PENDING, LeaveRequest.REJECTED);
        return changed(get(id));
    }

    /** By the employee (or a manager): a pending request is withdrawn; an approved one gives its hours back, once. */
    public LeaveRequest cancel(long id) {
        LeaveRequest leave = get(id);
        Caller me = caller.get();
        Employee owner = employees.get(leave.getEmployeeId());
        if (!owner.getUserId().equals(me.id()) && !me.hasRole(Roles.MANAGER) && !me.hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only the employee or a manager can cancel this request.").toException();
        }
        if (LeaveRequest.APPROVED.equals(leave.getStatus())) {
            decide(leave, LeaveRequest.APPROVED, LeaveRequest.CANCELLED);
            em.createNativeQuery("UPDATE leave_balance SET hours = hours + ? WHERE employee_id = ? AND leave_type = ?")
                    .setParameter(1, leave.getHours()).setParameter(2, leave.getEmployeeId())
                    .setParameter(3, leave.getLeaveType()).executeUpdate();
        } else {
            decide(leave, LeaveRequest.PENDING, LeaveRequest.CANCELLED);
        }
        return changed(get(id));
    }

    /** Tells the live stream, last in the transaction (the change log's rule), so open lists update by themselves. */
    private LeaveRequest changed(LeaveRequest leave) {
        Caller me = caller.get();
        changes.record("entity.changed", "leave_request", String.valueOf(leave.getId()), null, me.id(), me.username(),
                Map.of("status", leave.getStatus(), "employee_id", leave.getEmployeeId()));
        return leave;
    }

    private LeaveRequest notOwn(long id, String verb) {
        LeaveRequest leave = get(id);
        if (employees.get(leave.getEmployeeId()).getUserId().equals(caller.get().id())) {
            throw Problem.forbidden("You cannot " + verb + " your own leave request.").toException();
        }
        return leave;
    }

    /** Moves the status only if it still is {@code from}; otherwise says who decided it and when. */
    private void decide(LeaveRequest leave, String from, String to) {
        Caller me = caller.get();
        Instant now = clock.instant();
        int moved = em.createQuery("UPDATE LeaveRequest r SET r.status = :to, r.decidedBy = :by, r.decidedById = :byId,"
                        + " r.decidedAt = :now WHERE r.id = :id AND r.status = :from")
                .setParameter("to", to).setParameter("by", me.username()).setParameter("byId", me.id())
                .setParameter("now", now).setParameter("id", leave.getId()).setParameter("from", from).executeUpdate();
        if (moved == 0) {
            LeaveRequest current = get(leave.getId());
            throw Problem.conflict("Already " + current.getStatus().toLowerCase() + " by " + current.getDecidedBy()
                            + " at " + current.getDecidedAt() + ".")
                    .type("already-decided").with("current_status", current.getStatus())
                    .with("decided_by", current.getDecidedBy()).with("decided_at", current.getDecidedAt()).toException();
        }
    }
}
