package io.tandem.auth.boundary;

import io.tandem.auth.entity.User;
import io.tandem.platform.Roles;
import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.listing.Listing;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.versioning.ExpectedVersion;
import io.tandem.platform.versioning.RevisionView;
import io.tandem.platform.versioning.VersionedStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Administration of users and their roles (ADMIN only). */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    VersionedStore store;

    @Inject
    io.tandem.platform.security.CurrentCaller caller;

    public record NewUser(String username, String password, String firstName, String lastName, List<String> roles) {
    }

    public UserView create(NewUser request) {
        User user = store.create(register(request));
        LOG.info(() -> "user_created user_id=" + user.getId());
        return UserView.of(user);
    }

    /** Validates a new user and hashes the password. */
    private User register(NewUser request) {
        requireValidUsername(request.username());
        passwords.requireAcceptable("password", request.password());
        checkLength("first_name", request.firstName());
        checkLength("last_name", request.lastName());
        Set<String> roles = validRoles(request.roles() == null || request.roles().isEmpty()
                ? List.of(Roles.USER) : request.roles());
        boolean taken = !em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", request.username()).getResultList().isEmpty();
        if (taken) {
            throw Problem.conflict("The username '" + request.username() + "' is already taken.")
                    .field("username").toException();
        }
        return new User(request.username(), passwords.hash(request.password()), request.firstName(),
                request.lastName(), roles, clock.instant());
    }

    /** A page of users in id order, searched like every other list ({@link ListQuery}). */
    public Listing.Found<UserView> list(ListQuery query, int offset, int limit) {
        Listing.Found<User> found = store.list(User.class, Map.of(), query, offset, limit);
        return new Listing.Found<>(found.items().stream().map(UserView::of).toList(), found.total());
    }

    /** A versioned change of the user's roles: stale versions are conflicts like any other entity's. */
    public UserView changeRoles(long id, ExpectedVersion expected, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw Problem.badRequest("roles must name at least one role.").field("roles").toException();
        }
        Set<String> roles = validRoles(requested);
        List<Long> admins = roles.contains(Roles.ADMIN) ? List.of() : lockAdministrators();
        User user = store.update(User.class, id, expected, locked -> {
            if (isLastAdministrator(id, admins)) {
                throw lastAdministrator().field("roles").toException();
            }
            locked.replaceRoles(roles);
        });
        LOG.info(() -> "user_roles_changed user_id=" + id + " roles=" + roles);
        return UserView.of(user);
    }

    /** A versioned change of the user's name. */
    public UserView rename(long id, ExpectedVersion expected, String firstName, String lastName) {
        checkLength("first_name", firstName);
        checkLength("last_name", lastName);
        return UserView.of(store.update(User.class, id, expected, user -> user.rename(firstName, lastName)));
    }

    /** Deletes a user (never yourself, never the last administrator); their sign-ins end with them. */
    public void delete(long id, ExpectedVersion expected) {
        if (caller.get().id() == id) {
            throw Problem.conflict("You cannot delete yourself.").toException();
        }
        if (isLastAdministrator(id, lockAdministrators())) {
            throw lastAdministrator().toException();
        }
        em.createNativeQuery("DELETE FROM presence WHERE user_id = ?").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM user_config WHERE user_id = ?").setParameter(1, id).executeUpdate();
        store.delete(User.class, id, expected);
        LOG.info(() -> "user_deleted user_id=" + id);
    }

    public UserView get(long id) {
        return UserView.of(store.find(User.class, id));
    }

    public List<RevisionView> history(long id, int offset, int limit) {
        return store.history(User.class, id, offset, limit);
    }

    public long historySize(long id) {
        return store.historySize(User.class, id);
    }

    /**
     * The administrators' ids, read only after every ADMIN user row is locked ({@code SELECT … FOR UPDATE} in
     * primary-key order, before the row being changed is locked, so two of these never wait on each other in a
     * cycle). Two demotions of two different administrators then queue instead of each counting the other as still
     * there. The ids are read again after the lock: the locking read of a waiter may have judged "is an admin" on
     * the state from before it waited; a fresh statement sees what the winner committed.
     */
    private List<Long> lockAdministrators() {
        em.createNativeQuery("SELECT id FROM app_user WHERE id IN (SELECT user_id FROM user_role WHERE role = ?)"
                + " ORDER BY id FOR UPDATE").setParameter(1, Roles.ADMIN).getResultList();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT user_id FROM user_role WHERE role = ?")
                .setParameter(1, Roles.ADMIN).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static boolean isLastAdministrator(long id, List<Long> admins) {
        return admins.contains(id) && admins.size() == 1;
    }

    private static Problem lastAdministrator() {
        return Problem.conflict("At least one administrator must remain.").type("last-administrator");
    }

    /** Also checks the configured name of the first administrator. */
    static void requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw Problem.badRequest("username must be 2-64 letters, digits, dots, dashes or underscores.")
                    .field("username").toException();
        }
    }

    private static Set<String> validRoles(List<String> requested) {
        Set<String> roles = new TreeSet<>();
        for (String role : requested) {
            if (role == null || !Roles.ALL.contains(role)) {
                throw Problem.badRequest("Unknown role '" + role + "'; roles are ADMIN, MANAGER and USER.")
                        .field("roles").toException();
            }
            roles.add(role);
        }
        return roles;
    }

    private static void checkLength(String field, String value) {
        if (value != null && value.length() > 100) {
            throw Problem.badRequest(field + " must be at most 100 characters long.").field(field).toException();
        }
    }
}
