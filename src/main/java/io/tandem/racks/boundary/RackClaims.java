package io.tandem.racks.boundary;

import io.tandem.events.boundary.ChangeLog;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.presence.boundary.Presence;
import io.tandem.racks.control.Lease;
import io.tandem.racks.entity.AuditSession;
import io.tandem.racks.entity.Floor;
import io.tandem.racks.entity.Rack;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Exclusive rack claims with leases (seed 002), decided by the database: a claim locks the rack's row, treats a
 * lapsed lease as free, ends it, and starts a session whose {@code live_rack_code} is UNIQUE — so two claims of one
 * rack can never both hold it, on any number of nodes. Each claim gets the rack's next fencing token. Every
 * write under a claim checks the session still holds a live lease, else it is refused with {@code lease_lost}.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class RackClaims {

    private static final Logger LOG = Logger.getLogger(RackClaims.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    Presence presence;

    @Inject
    ChangeLog changes;

    @Inject
    @ConfigProperty(name = "tandem.racks.lease-ttl", defaultValue = "PT60S")
    Duration leaseTtl;

    @Inject
    @ConfigProperty(name = "tandem.racks.session-ttl", defaultValue = "PT1H")
    Duration sessionTtl;

    // --- floors and racks ---------------------------------------------------------------------------------

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Floor createFloor(String name) {
        if (!em.createQuery("SELECT f FROM Floor f WHERE f.name = :name", Floor.class).setParameter("name", name).getResultList().isEmpty()) {
            throw Problem.conflict("There is already a floor named " + name + ".").field("name").toException();
        }
        Floor floor = new Floor(name);
        em.persist(floor);
        em.flush();
        return floor;
    }

    public List<Floor> floors() {
        return em.createQuery("SELECT f FROM Floor f ORDER BY f.name", Floor.class).getResultList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Rack createRack(String rackCode, String floor) {
        if (em.createQuery("SELECT f FROM Floor f WHERE f.name = :name", Floor.class).setParameter("name", floor).getResultList().isEmpty()) {
            throw Problem.badRequest("floor must name an existing floor.").field("floor").toException();
        }
        if (findRack(rackCode) != null) {
            throw Problem.conflict("There is already a rack " + rackCode + ".").field("rack_id").toException();
        }
        Rack rack = new Rack(rackCode, floor);
        em.persist(rack);
        em.flush();
        return rack;
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public int setItems(String rackCode, Map<String, Integer> expected) {
        rack(rackCode);
        for (Map.Entry<String, Integer> item : expected.entrySet()) {
            int updated = em.createNativeQuery("UPDATE rack_item SET expected_qty = ? WHERE rack_code = ? AND item_code = ?")
                    .setParameter(1, item.getValue()).setParameter(2, rackCode).setParameter(3, item.getKey()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO rack_item (rack_code, item_code, expected_qty) VALUES (?, ?, ?)")
                        .setParameter(1, rackCode).setParameter(2, item.getKey()).setParameter(3, item.getValue()).executeUpdate();
            }
        }
        return expected.size();
    }

    /** Racks nobody holds a live lease on (a lapsed lease counts as free), with how many items to expect. */
    public List<Map<String, Object>> available(String floor) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.rack_code, r.floor,"
                        + " (SELECT COUNT(*) FROM rack_item i WHERE i.rack_code = r.rack_code),"
                        + " (SELECT COALESCE(SUM(i.expected_qty), 0) FROM rack_item i WHERE i.rack_code = r.rack_code)"
                        + " FROM rack r WHERE (? IS NULL OR r.floor = ?) AND NOT EXISTS (SELECT 1 FROM audit_session s"
                        + " WHERE s.live_rack_code = r.rack_code AND s.lease_expires_at > ?) ORDER BY r.rack_code")
                .setParameter(1, floor).setParameter(2, floor).setParameter(3, java.sql.Timestamp.from(now)).getResultList();
        return rows.stream().map(row -> {
            Map<String, Object> rack = new LinkedHashMap<>();
            rack.put("rack_id", row[0]);
            rack.put("floor", row[1]);
            rack.put("item_count", ((Number) row[2]).longValue());
            rack.put("expected_quantity", ((Number) row[3]).longValue());
            return rack;
        }).toList();
    }

    // --- claims ---------------------------------------------------------------------------------------------

    /** The answer to a claim: seed 002's members plus the fencing token and when the lease ends. */
    public record Claimed(boolean success, String rackId, String sessionId, String floor, long lockTtl, String message,
                          long fencingToken, Instant leaseExpiresAt) {
    }

    public Claimed claim(String rackCode, String floor) {
        Caller me = caller.get();
        Instant now = clock.instant();
        Rack rack = em.find(Rack.class, rack(rackCode).getId(), LockModeType.PESSIMISTIC_WRITE);
        if (floor != null && !floor.equals(rack.getFloor())) {
            throw Problem.badRequest("Rack " + rackCode + " is on floor " + rack.getFloor() + ", not " + floor + ".")
                    .field("floor").toException();
        }
        AuditSession holder = holderOf(rackCode);
        if (holder != null && Lease.live(holder.getLeaseExpiresAt(), now)) {
            if (holder.getUserId() == me.id()) {
                return claimed(holder, now, "You already hold rack " + rackCode + "; your session continues.");
            }
            throw Problem.conflict("Rack " + rackCode + " is being audited by " + holder.getUsername()
                            + " until " + holder.getLeaseExpiresAt() + ".")
                    .type("rack-held").with("error", "Rack already claimed")
                    .with("held_by", holder.getUsername()).with("lease_expires_at", holder.getLeaseExpiresAt())
                    .toException();
        }
        if (holder != null) {
            holder.end(AuditSession.EXPIRED, now);
            em.flush();
            LOG.info(() -> "rack_lease_taken_over rack=" + rackCode + " expired_session=" + holder.getId());
        }
        long token = rack.nextFencingToken();
        String sessionId = "session_" + me.id() + "_" + rackCode + "_" + now.getEpochSecond() + "_"
                + HexFormat.of().formatHex(randomBytes());
        AuditSession session = new AuditSession(sessionId, rack, me.id(), me.username(), token, now,
                Lease.expiry(now, false, leaseTtl, sessionTtl));
        em.persist(session);
        em.flush();
        // Events last: the change log's lock is held from the first event to the commit (ChangeLog.record).
        if (holder != null) {
            event("rack.lease_expired", holder);
        }
        event("rack.claimed", session);
        LOG.info(() -> "rack_claimed rack=" + rackCode + " session=" + sessionId + " user_id=" + me.id() + " fencing_token=" + token);
        return claimed(session, now, "Rack " + rackCode + " claimed successfully");
    }

    /** Seed 002's heartbeat: renews the lease and counts as a presence heartbeat. */
    public Map<String, Object> heartbeat(String sessionId, Long fencingToken) {
        Instant now = clock.instant();
        AuditSession session = holding(sessionId, fencingToken, now);
        // Any signed-in user can read a session's id and token (GET /api/sessions/active); were their heartbeats
        // accepted, anyone could keep someone else's abandoned claim alive.
        if (session.getUserId() != caller.get().id()) {
            throw Problem.forbidden("This session belongs to someone else.").with("reason", "not_your_session").toException();
        }
        if (AuditSession.ACTIVE.equals(session.getStatus())) {
            session.renew(now, Lease.expiry(now, false, leaseTtl, sessionTtl));
        }
        presence.heartbeat();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("session_id", sessionId);
        answer.put("rack_lock_renewed", AuditSession.ACTIVE.equals(session.getStatus()));
        answer.put("user_presence_updated", true);
        answer.put("lock_ttl_remaining", Lease.secondsLeft(session.getLeaseExpiresAt(), now));
        answer.put("fencing_token", session.getFencingToken());
        answer.put("message", "Heartbeat received");
        return answer;
    }

    /** Keeps the rack for the session TTL without heartbeats. */
    public AuditSession pause(String rackCode, String sessionId, Long fencingToken) {
        Instant now = clock.instant();
        AuditSession session = ownedHolding(rackCode, sessionId, fencingToken, now);
        session.pause(Lease.expiry(now, true, leaseTtl, sessionTtl));
        event("rack.paused", session);
        return session;
    }

    public AuditSession resume(String rackCode, String sessionId, Long fencingToken) {
        Instant now = clock.instant();
        AuditSession session = ownedHolding(rackCode, sessionId, fencingToken, now);
        session.resume(now, Lease.expiry(now, false, leaseTtl, sessionTtl));
        event("rack.resumed", session);
        return session;
    }

    /** Frees the rack and completes the session. */
    public AuditSession release(String rackCode, String sessionId, Long fencingToken) {
        Instant now = clock.instant();
        AuditSession session = ownedHolding(rackCode, sessionId, fencingToken, now);
        session.end(AuditSession.COMPLETED, now);
        event("rack.released", session);
        return session;
    }

    public AuditSession complete(String sessionId) {
        AuditSession session = session(sessionId);
        return release(session.getRackId(), sessionId, null);
    }

    /**
     * Ends every session whose lease lapsed. Called by the timer; nothing depends on it having run, because a
     * lapsed lease already counts as free when someone claims and as lost when its holder writes.
     */
    @PermitAll
    public int expireLapsed() {
        Instant now = clock.instant();
        List<AuditSession> lapsed = em.createQuery("SELECT s FROM AuditSession s WHERE s.status IN :holding"
                        + " AND s.leaseExpiresAt <= :now", AuditSession.class)
                .setParameter("holding", List.of(AuditSession.ACTIVE, AuditSession.PAUSED)).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(500).getResultList();
        lapsed.stream().filter(s -> !Lease.live(s.getLeaseExpiresAt(), now)).forEach(s -> {
            s.end(AuditSession.EXPIRED, now);
            event("rack.lease_expired", s);
        });
        return lapsed.size();
    }

    // --- reading --------------------------------------------------------------------------------------------

    public Map<String, Object> status(String rackCode) {
        Rack rack = rack(rackCode);
        Instant now = clock.instant();
        AuditSession holder = holderOf(rackCode);
        boolean held = holder != null && Lease.live(holder.getLeaseExpiresAt(), now);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("rack_id", rack.getRackCode());
        status.put("floor", rack.getFloor());
        status.put("status", !held ? "available" : AuditSession.PAUSED.equals(holder.getStatus()) ? "paused" : "claimed");
        status.put("held_by", held ? holder.getUsername() : null);
        status.put("session_id", held ? holder.getId() : null);
        status.put("fencing_token", held ? holder.getFencingToken() : null);
        status.put("lease_expires_at", held ? holder.getLeaseExpiresAt() : null);
        status.put("lock_ttl_remaining", held ? Lease.secondsLeft(holder.getLeaseExpiresAt(), now) : 0);
        return status;
    }

    /** The caller's sessions that still hold a live lease: what a reloaded browser or restarted app resumes. */
    public List<AuditSession> mine() {
        Instant now = clock.instant();
        return em.createQuery("SELECT s FROM AuditSession s WHERE s.userId = :user AND s.status IN :holding"
                        + " AND s.leaseExpiresAt > :now ORDER BY s.startedAt", AuditSession.class)
                .setParameter("user", caller.get().id())
                .setParameter("holding", List.of(AuditSession.ACTIVE, AuditSession.PAUSED))
                .setParameter("now", now).getResultList();
    }

    public List<AuditSession> active() {
        return em.createQuery("SELECT s FROM AuditSession s WHERE s.status IN :holding AND s.leaseExpiresAt > :now"
                        + " ORDER BY s.startedAt", AuditSession.class)
                .setParameter("holding", List.of(AuditSession.ACTIVE, AuditSession.PAUSED))
                .setParameter("now", clock.instant()).getResultList();
    }

    public List<AuditSession> history() {
        return em.createQuery("SELECT s FROM AuditSession s WHERE s.userId = :user ORDER BY s.startedAt DESC", AuditSession.class)
                .setParameter("user", caller.get().id()).setMaxResults(200).getResultList();
    }

    public AuditSession session(String sessionId) {
        AuditSession session = em.find(AuditSession.class, sessionId);
        if (session == null) {
            throw Problem.notFound("There is no session " + sessionId + ".").toException();
        }
        em.refresh(session);
        return session;
    }

    /** The session, if it still holds a live lease (and the token, when sent, is its own); else {@code lease_lost}. */
    public AuditSession holding(String sessionId, Long fencingToken, Instant now) {
        AuditSession session = em.find(AuditSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw Problem.notFound("There is no session " + sessionId + ".").toException();
        }
        boolean live = session.holdsLease() && Lease.live(session.getLeaseExpiresAt(), now)
                && (fencingToken == null || fencingToken == session.getFencingToken());
        if (!live) {
            throw leaseLost(session);
        }
        return session;
    }

    static io.tandem.platform.problem.ProblemException leaseLost(AuditSession session) {
        return Problem.conflict("The lease on rack " + session.getRackId() + " has been lost: it lapsed or another user"
                        + " claimed the rack. Stop working on it and claim it again.")
                .type("lease-lost").with("reason", "lease_lost").with("success", false)
                .with("rack_lock_renewed", false).with("session_id", session.getId()).toException();
    }

    private AuditSession ownedHolding(String rackCode, String sessionId, Long fencingToken, Instant now) {
        if (sessionId == null) {
            AuditSession holder = holderOf(rackCode);
            if (holder == null) {
                throw Problem.conflict("Nobody holds rack " + rackCode + ".").with("reason", "lease_lost").toException();
            }
            sessionId = holder.getId();
        }
        AuditSession session = holding(sessionId, fencingToken, now);
        Caller me = caller.get();
        if (!session.getRackId().equals(rackCode)) {
            throw Problem.badRequest("Session " + sessionId + " is not on rack " + rackCode + ".").field("session_id").toException();
        }
        if (session.getUserId() != me.id() && !me.hasRole(Roles.MANAGER) && !me.hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only the holder or a manager can do this.").toException();
        }
        return session;
    }

    private void event(String type, AuditSession session) {
        changes.record(type, "rack", session.getRackId(), session.getFencingToken(), session.getUserId(), session.getUsername(),
                Map.of("session_id", session.getId(), "status", session.getStatus(), "lease_expires_at", session.getLeaseExpiresAt().toString()));
    }

    private Claimed claimed(AuditSession session, Instant now, String message) {
        return new Claimed(true, session.getRackId(), session.getId(), session.getFloor(),
                Lease.secondsLeft(session.getLeaseExpiresAt(), now), message, session.getFencingToken(), session.getLeaseExpiresAt());
    }

    private AuditSession holderOf(String rackCode) {
        return em.createQuery("SELECT s FROM AuditSession s WHERE s.liveRackCode = :rack", AuditSession.class)
                .setParameter("rack", rackCode).getResultStream().findFirst().orElse(null);
    }

    private Rack rack(String rackCode) {
        Rack rack = findRack(rackCode);
        if (rack == null) {
            throw Problem.notFound("There is no rack " + rackCode + ".").toException();
        }
        return rack;
    }

    private Rack findRack(String rackCode) {
        return em.createQuery("SELECT r FROM Rack r WHERE r.rackCode = :code", Rack.class)
                .setParameter("code", rackCode).getResultStream().findFirst().orElse(null);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
