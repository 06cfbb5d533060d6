package io.tandem.employees.boundary;

import io.tandem.auth.entity.User;
import io.tandem.employees.entity.Employee;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.platform.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Employee profiles: created and priced by managers; everyone can see their own. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class Employees {

    public static final Set<String> LEAVE_TYPES = Set.of("ANNUAL", "SICK", "PERSONAL");

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    /** A user who has no employee profile yet: what a manager picks from when setting one up. */
    public record Candidate(long userId, String username, String firstName, String lastName) {
    }

    public record NewEmployee(Long userId, String name, Long hourlyRateCents, Map<String, Long> balances) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Employee create(NewEmployee request) {
        Long userId = Require.present("user_id", request.userId());
        if (em.find(User.class, userId) == null) {
            throw Problem.badRequest("user_id must name an existing user.").field("user_id").toException();
        }
        if (ofUser(userId) != null) {
            throw Problem.conflict("This user already has an employee profile.").field("user_id").toException();
        }
        Map<String, Long> balances = new TreeMap<>();
        LEAVE_TYPES.forEach(type -> balances.put(type, 0L));
        if (request.balances() != null) {
            request.balances().forEach((type, hours) -> {
                Require.oneOf("balances", type, LEAVE_TYPES);
                if (hours == null || hours < 0 || hours > 100_000) {
                    throw Problem.badRequest("Balances are hours from 0 to 100000.").field("balances").toException();
                }
                balances.put(type, hours);
            });
        }
        Employee employee = new Employee(userId, Require.text("name", request.name(), 200).trim(),
                rate(request.hourlyRateCents()), balances);
        em.persist(employee);
        em.flush();
        return employee;
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Employee setHourlyRate(long id, Long cents) {
        Employee employee = em.find(Employee.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (employee == null) {
            throw Problem.notFound("There is no employee " + id + ".").toException();
        }
        employee.setHourlyRateCents(rate(Require.present("hourly_rate_cents", cents)));
        return employee;
    }

    /** A profile as its owner or a manager may see it (rates and balances are nobody else's business). */
    public Employee visible(long id) {
        requireMayRead(id);
        return get(id);
    }

    /**
     * The one rule for an employee's records (profile, leave, timesheets, pay): the employee and managers may read
     * them, nobody else — also when they ask by id.
     */
    public void requireMayRead(long employeeId) {
        var me = caller.get();
        if (!me.hasRole(Roles.MANAGER) && !me.hasRole(Roles.ADMIN) && !get(employeeId).getUserId().equals(me.id())) {
            throw Problem.forbidden("Only the employee and managers can see this.").toException();
        }
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public List<Candidate> candidates() {
        return em.createQuery("SELECT u FROM User u WHERE NOT EXISTS (SELECT e FROM Employee e WHERE e.userId = u.id)"
                        + " ORDER BY u.username", User.class).setMaxResults(500).getResultStream()
                .map(u -> new Candidate(u.getId(), u.getUsername(), u.getFirstName(), u.getLastName())).toList();
    }

    public Employee get(long id) {
        Employee employee = em.find(Employee.class, id);
        if (employee == null) {
            throw Problem.notFound("There is no employee " + id + ".").toException();
        }
        em.refresh(employee);
        return employee;
    }

    /** The caller's own profile; 404 when they have none. */
    public Employee mine() {
        Employee employee = ofUser(caller.get().id());
        if (employee == null) {
            throw Problem.notFound("You have no employee profile; ask a manager to create one.").toException();
        }
        return employee;
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public List<Employee> list() {
        return em.createQuery("SELECT e FROM Employee e ORDER BY e.id", Employee.class).getResultList();
    }

    private Employee ofUser(long userId) {
        return em.createQuery("SELECT e FROM Employee e WHERE e.userId = :user", Employee.class)
                .setParameter("user", userId).getResultStream().findFirst().orElse(null);
    }

    private static Long rate(Long cents) {
        if (cents != null && (cents < 0 || cents > 100_000_00L)) {
            throw Problem.badRequest("hourly_rate_cents must be from 0 to 10000000.").field("hourly_rate_cents").toException();
        }
        return cents;
    }
}
