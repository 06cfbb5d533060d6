package io.tandem.platform.idempotency;

import io.tandem.platform.Roles;
import io.tandem.platform.json.JsonConfig;
import io.tandem.platform.problem.CommittingProblemException;
import io.tandem.platform.problem.Failures;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transaction of a POST and the database side of its {@code Idempotency-Key}. Each method runs in a
 * transaction of its own; the services the action calls join it (REQUIRED), so the action's effect commits or
 * rolls back as one with whatever is recorded here.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** A committed answer to a key (a row exists only once its request's transaction committed). */
    public record Known(String requestHash, Integer status, String body) {
    }

    public Optional<Known> find(long userId, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(userId, key));
        return Optional.ofNullable(record).map(r -> new Known(r.requestHash(), r.status(), r.responseBody()));
    }

    /** A request without a key: its effect as one transaction, which a server fault (5xx) rolls back. */
    public Response run(Supplier<Response> action) {
        return rollbackOnServerFault(action.get());
    }

    /**
     * A keyed request's first run, atomically: the key row is INSERTed first, then the effect runs and its answer
     * is written into that row, and all of it commits together — there is no moment at which the effect is
     * committed and the answer is not, so a crash can never let a retry run the effect again. A failing effect
     * (a problem, a server fault, a failed commit) rolls the key row back with it, so a retry runs for real.
     * The INSERT holds the key's primary key until this transaction ends: a concurrent request with the same key
     * waits on it in the database and then gets a duplicate key (this one committed: it replays the answer) or
     * goes ahead (this one rolled back). Either way exactly one effect commits, on any number of nodes.
     */
    public Response firstRun(long userId, String key, String requestHash, Supplier<Response> action) {
        claim(userId, key, requestHash);
        Response response;
        try {
            response = action.get();
        } catch (CommittingProblemException refusal) {
            // Its side effects commit, so its answer must be committed with them.
            answer(userId, key, refusal.problem().status(), refusal.problem().toJson(null, null).toString());
            throw refusal;
        }
        if (response.getStatus() < 500) {
            answer(userId, key, response.getStatus(), bodyOf(response));
        }
        return rollbackOnServerFault(response);
    }

    /** Called by the purge timer, which runs without a caller. */
    @PermitAll
    public int purgeOlderThan(Instant before) {
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    private void claim(long userId, String key, String requestHash) {
        try {
            em.persist(new IdempotencyRecord(userId, key, requestHash, clock.instant()));
            em.flush();
        } catch (PersistenceException taken) {
            // A duplicate key: the other request committed. A lock wait or deadlock: several requests with this
            // key queued behind one that is still running or rolled back. Both mean: look again.
            if (Failures.isDuplicateKey(taken) || Failures.isLockContention(taken)) {
                throw new KeyInUse();
            }
            throw taken;
        }
    }

    private void answer(long userId, String key, int status, String body) {
        // Found again rather than kept: the action may have detached what this persistence context held.
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(userId, key)).complete(status, body);
    }

    private Response rollbackOnServerFault(Response response) {
        if (response.getStatus() >= 500) {
            context.setRollbackOnly();
        }
        return response;
    }

    private static String bodyOf(Response response) {
        Object entity = response.getEntity();
        return entity == null ? null : entity instanceof String text ? text : JsonConfig.JSONB.toJson(entity);
    }
}
