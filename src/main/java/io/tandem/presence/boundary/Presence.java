package io.tandem.presence.boundary;

import io.tandem.core.entity.Customer;
import io.tandem.events.boundary.ChangeLog;
import io.tandem.core.entity.Project;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.platform.versioning.ExpectedVersion;
import io.tandem.platform.versioning.VersionedStore;
import io.tandem.presence.entity.UserConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is active now (seeds 000/001). A heartbeat stamps the caller's row in {@code presence}; "active" means a
 * stamp inside the window by the server's clock, decided by the query itself, so the answer is exact whether or
 * not the purge timer has run. The working context (active customer/project) is a versioned {@link UserConfig}.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class Presence {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    VersionedStore store;

    @Inject
    ChangeLog changes;

    @Inject
    @ConfigProperty(name = "tandem.presence.window", defaultValue = "PT5M")
    Duration window;

    public Instant heartbeat() {
        Caller me = caller.get();
        Instant now = clock.instant();
        int stillActive = em.createNativeQuery("UPDATE presence SET last_activity_at = ? WHERE user_id = ? AND last_activity_at >= ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, me.id())
                .setParameter(3, Timestamp.from(now.minus(window))).executeUpdate();
        if (stillActive == 0) {
            // Became active (again): make sure a working context exists, and tell the live stream. Heartbeats of
            // users already active (the common case, every 30 s) cost one UPDATE and nothing else. The presence
            // row comes first: creating the context writes a change-log entry, after which nothing may wait.
            lockUser(me.id());
            int returning = em.createNativeQuery("UPDATE presence SET last_activity_at = ? WHERE user_id = ?")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, me.id()).executeUpdate();
            if (returning == 0) {
                em.createNativeQuery("INSERT INTO presence (user_id, last_activity_at) VALUES (?, ?)")
                        .setParameter(1, me.id()).setParameter(2, Timestamp.from(now)).executeUpdate();
            }
            configOf(me.id());
            changes.record("presence.active", "user", String.valueOf(me.id()), null, me.id(), me.username(), null);
        }
        return now;
    }

    /** The active users, most recent first, with their customer and project (ids and names may be null). */
    @PermitAll
    public List<Map<String, Object>> activeUsers() {
        Instant since = clock.instant().minus(window);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.username, u.first_name, u.last_name,"
                        + " c.id, c.name, p.id, p.name, pr.last_activity_at"
                        + " FROM presence pr JOIN app_user u ON u.id = pr.user_id"
                        + " LEFT JOIN user_config uc ON uc.user_id = pr.user_id"
                        + " LEFT JOIN customer c ON c.id = uc.active_customer_id"
                        + " LEFT JOIN project p ON p.id = uc.active_project_id"
                        + " WHERE pr.last_activity_at >= ? ORDER BY pr.last_activity_at DESC, u.id")
                .setParameter(1, Timestamp.from(since)).setMaxResults(1000).getResultList();
        List<Map<String, Object>> active = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", ((Number) row[0]).longValue());
            user.put("username", row[1]);
            user.put("first_name", row[2]);
            user.put("last_name", row[3]);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user", user);
            entry.put("active_customer", named(row[4], row[5]));
            entry.put("active_project", named(row[6], row[7]));
            entry.put("last_activity", toInstant(row[8]));
            active.add(entry);
        }
        return active;
    }

    public UserConfig config() {
        return configOf(caller.get().id());
    }

    public UserConfig changeConfig(ExpectedVersion expected, UserConfig.Fields fields) {
        long me = caller.get().id();
        configOf(me);
        if (fields.activeCustomerId() != null) {
            store.reference(Customer.class, fields.activeCustomerId(), "active_customer_id");
        }
        if (fields.activeProjectId() != null) {
            Project project = store.reference(Project.class, fields.activeProjectId(), "active_project_id");
            if (fields.activeCustomerId() == null || !project.getCustomerId().equals(fields.activeCustomerId())) {
                throw Problem.badRequest("The active project must belong to the active customer.")
                        .field("active_project_id").toException();
            }
        }
        return store.update(UserConfig.class, me, expected, config -> config.apply(fields));
    }

    /** Removes presence stamps that fell out of the window; the timer calls it, correctness never needs it. */
    @PermitAll
    public int purgeStale() {
        return em.createNativeQuery("DELETE FROM presence WHERE last_activity_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(window))).executeUpdate();
    }

    private UserConfig configOf(long userId) {
        UserConfig config = em.find(UserConfig.class, userId);
        if (config != null) {
            return config;
        }
        lockUser(userId);
        config = em.find(UserConfig.class, userId);
        return config != null ? config : store.create(new UserConfig(userId));
    }

    /**
     * A new user's first screen sends its heartbeat and reads its context at once, and a second tab does the same:
     * each would find no presence row or context and insert one, and all but one would fail on the duplicate. The
     * user's own row, locked until commit, lets one create them; the others wait and then find them (read
     * committed). Taken before anything that writes the change log, so no lock is ever awaited after it.
     */
    private void lockUser(long userId) {
        em.createNativeQuery("SELECT id FROM app_user WHERE id = ? FOR UPDATE").setParameter(1, userId).getResultList();
    }

    private static Map<String, Object> named(Object id, Object name) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("id", id == null ? null : ((Number) id).longValue());
        named.put("name", name);
        return named;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
