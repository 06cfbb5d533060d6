package io.tandem.timesheets.boundary;

import io.tandem.employees.boundary.Employees;
import io.tandem.employees.entity.Employee;
import io.tandem.events.boundary.ChangeLog;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.timesheets.entity.PayrollCalculation;
import io.tandem.timesheets.entity.Timesheet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Timesheets (seed 003, 1.3). Approval is one transaction: a conditional UPDATE moves SUBMITTED → APPROVED
 * (exactly one approver wins), then the payroll calculation is made; if it fails, the whole transaction rolls
 * back and the timesheet is simply still submitted — no hand-written undo to forget.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class Timesheets {

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

    public record EntryRequest(LocalDate workDate, Integer hours) {
    }

    public record NewTimesheet(Long employeeId, LocalDate weekStart, List<EntryRequest> entries) {
    }

    /** A timesheet and its payroll calculation, once there is one. */
    public record View(Timesheet timesheet, PayrollCalculation payroll) {
    }

    public Timesheet create(NewTimesheet request) {
        Caller me = caller.get();
        Employee employee = request.employeeId() == null ? employees.mine() : employees.get(request.employeeId());
        if (!employee.getUserId().equals(me.id()) && !me.hasRole(Roles.MANAGER) && !me.hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only managers can create timesheets for someone else.").toException();
        }
        LocalDate weekStart = Require.present("week_start", request.weekStart());
        List<Timesheet.Entry> entries = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (EntryRequest entry : request.entries() == null ? List.<EntryRequest>of() : request.entries()) {
            LocalDate day = Require.present("entries.work_date", entry.workDate());
            if (day.isBefore(weekStart) || !day.isBefore(weekStart.plusDays(7)) || !days.add(day)) {
                throw Problem.badRequest("Each entry must be a different day of the week starting " + weekStart + ".")
                        .field("entries.work_date").toException();
            }
            entries.add(new Timesheet.Entry(day, Require.range("entries.hours", entry.hours(), 0, 24)));
        }
        Timesheet timesheet = new Timesheet(employee.getId(), weekStart, entries, clock.instant());
        em.persist(timesheet);
        em.flush();
        changed(timesheet.getId(), timesheet.getEmployeeId(), Timesheet.DRAFT);
        return timesheet;
    }

    /**
     * Newest first, optionally of one status and one employee. Employees without a manager's role see only their
     * own (and get 404 when they have no employee profile); managers see everyone's.
     */
    public List<View> list(String status, Long employeeId, int offset, int limit) {
        List<Timesheet> sheets = filtered("SELECT t", status, employeeId, Timesheet.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        if (sheets.isEmpty()) {
            return List.of();
        }
        Map<Long, PayrollCalculation> payroll = em.createQuery("SELECT p FROM PayrollCalculation p WHERE p.timesheetId IN :ids",
                        PayrollCalculation.class).setParameter("ids", sheets.stream().map(Timesheet::getId).toList())
                .getResultStream().collect(Collectors.toMap(PayrollCalculation::getTimesheetId, Function.identity()));
        return sheets.stream().map(t -> new View(t, payroll.get(t.getId()))).toList();
    }

    public long count(String status, Long employeeId) {
        return filtered("SELECT COUNT(t)", status, employeeId, Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, String status, Long employeeId, Class<T> type) {
        Caller me = caller.get();
        Long employee = me.hasRole(Roles.MANAGER) || me.hasRole(Roles.ADMIN) ? employeeId : employees.mine().getId();
        String order = type == Long.class ? "" : " ORDER BY t.id DESC";
        return em.createQuery(select + " FROM Timesheet t WHERE (:status IS NULL OR t.status = :status)"
                        + " AND (:employee IS NULL OR t.employeeId = :employee)" + order, type)
                .setParameter("status", status == null || status.isBlank() ? null : Require.oneOf("status", status, STATUSES))
                .setParameter("employee", employee);
    }

    private static final Set<String> STATUSES = Set.of(Timesheet.DRAFT, Timesheet.SUBMITTED, Timesheet.APPROVED, Timesheet.REJECTED);

    public View get(long id) {
        Timesheet timesheet = find(id);
        employees.requireMayRead(timesheet.getEmployeeId());
        return new View(timesheet, payrollOf(id).orElse(null));
    }

    public View submit(long id) {
        Timesheet timesheet = find(id);
        Caller me = caller.get();
        if (!employees.get(timesheet.getEmployeeId()).getUserId().equals(me.id()) && !me.hasRole(Roles.MANAGER)) {
            throw Problem.forbidden("Only the employee can submit their timesheet.").toException();
        }
        move(id, Timesheet.DRAFT, Timesheet.SUBMITTED, false);
        changed(id, timesheet.getEmployeeId(), Timesheet.SUBMITTED);
        return get(id);
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public View approve(long id) {
        Timesheet timesheet = notOwn(id, "approve");
        move(id, Timesheet.SUBMITTED, Timesheet.APPROVED, true);
        Employee employee = employees.get(timesheet.getEmployeeId());
        em.persist(calculatePayroll(timesheet, employee));
        em.flush();
        changed(id, timesheet.getEmployeeId(), Timesheet.APPROVED);
        return get(id);
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public View reject(long id) {
        Timesheet timesheet = notOwn(id, "reject");
        move(id, Timesheet.SUBMITTED, Timesheet.REJECTED, true);
        changed(id, timesheet.getEmployeeId(), Timesheet.REJECTED);
        return get(id);
    }

    /** The payroll step; it fails (and so undoes the approval) when the employee has no hourly rate. */
    private PayrollCalculation calculatePayroll(Timesheet timesheet, Employee employee) {
        if (employee.getHourlyRateCents() == null) {
            throw Problem.of(422, "Payroll calculation failed: employee " + employee.getId()
                            + " has no hourly rate. The timesheet stays submitted.")
                    .type("payroll-failed").toException();
        }
        return new PayrollCalculation(timesheet.getId(), employee.getId(), timesheet.totalHours(),
                employee.getHourlyRateCents(), clock.instant());
    }

    private Timesheet notOwn(long id, String verb) {
        Timesheet timesheet = find(id);
        if (employees.get(timesheet.getEmployeeId()).getUserId().equals(caller.get().id())) {
            throw Problem.forbidden("You cannot " + verb + " your own timesheet.").toException();
        }
        return timesheet;
    }

    private void move(long id, String from, String to, boolean recordDecision) {
        Caller me = caller.get();
        var update = em.createQuery("UPDATE Timesheet t SET t.status = :to"
                        + (recordDecision ? ", t.decidedBy = :by, t.decidedAt = :now" : "")
                        + " WHERE t.id = :id AND t.status = :from")
                .setParameter("to", to).setParameter("id", id).setParameter("from", from);
        if (recordDecision) {
            update.setParameter("by", me.username()).setParameter("now", clock.instant());
        }
        int moved = update.executeUpdate();
        if (moved == 0) {
            Timesheet current = find(id);
            String detail = Timesheet.APPROVED.equals(current.getStatus())
                    ? "Already approved by " + current.getDecidedBy() + " at " + current.getDecidedAt()
                    : "The timesheet is " + current.getStatus().toLowerCase() + "; it must be " + from.toLowerCase() + ".";
            throw Problem.conflict(detail).type("timesheet-state").with("current_status", current.getStatus())
                    .with("decided_by", current.getDecidedBy()).with("decided_at", current.getDecidedAt()).toException();
        }
    }

    /** Tells the live stream, last in the transaction (the change log's rule), so open lists update by themselves. */
    private void changed(long id, long employeeId, String status) {
        Caller me = caller.get();
        changes.record("entity.changed", "timesheet", String.valueOf(id), null, me.id(), me.username(),
                Map.of("status", status, "employee_id", employeeId));
    }

    private Timesheet find(long id) {
        Timesheet timesheet = em.find(Timesheet.class, id);
        if (timesheet == null) {
            throw Problem.notFound("There is no timesheet " + id + ".").toException();
        }
        em.refresh(timesheet);
        return timesheet;
    }

    private Optional<PayrollCalculation> payrollOf(long timesheetId) {
        return em.createQuery("SELECT p FROM PayrollCalculation p WHERE p.timesheetId = :id", PayrollCalculation.class)
                .setParameter("id", timesheetId).getResultStream().findFirst();
    }

    public List<PayrollCalculation> payrollFor(long timesheetId) {
        employees.requireMayRead(find(timesheetId).getEmployeeId());
        return em.createQuery("SELECT p FROM PayrollCalculation p WHERE p.timesheetId = :id", PayrollCalculation.class)
                .setParameter("id", timesheetId).getResultList();
    }
}
