package io.tandem.events.boundary;

import io.tandem.auth.control.RefreshTokenCodec;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Browsers' EventSource cannot send an Authorization header, and a long-lived token in a URL ends up in logs and
 * histories. So the stream takes a ticket: single use, valid 30 seconds, issued to a signed-in caller by an
 * authenticated POST, stored only as a hash, redeemed by a conditional UPDATE (one redemption, ever).
 */
@Stateless
public class StreamTickets {

    static final Duration VALIDITY = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
    public String issue() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO stream_ticket (ticket_hash, user_id, expires_at) VALUES (?, ?, ?)")
                .setParameter(1, RefreshTokenCodec.hash(ticket)).setParameter(2, caller.get().id())
                .setParameter(3, Timestamp.from(clock.instant().plus(VALIDITY))).executeUpdate();
        return ticket;
    }

    /** The user the ticket was issued to; 401 when it is unknown, used or expired. */
    @PermitAll
    public long redeem(String ticket) {
        Instant now = clock.instant();
        String hash = RefreshTokenCodec.hash(ticket);
        int redeemed = em.createNativeQuery("UPDATE stream_ticket SET used_at = ? WHERE ticket_hash = ?"
                        + " AND used_at IS NULL AND expires_at > ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, hash).setParameter(3, Timestamp.from(now)).executeUpdate();
        if (redeemed == 0) {
            throw Problem.unauthorized("The stream ticket is unknown, used or expired; get a new one from POST /api/events/ticket.")
                    .with("error", "Authentication required").toException();
        }
        @SuppressWarnings("unchecked")
        List<Number> user = em.createNativeQuery("SELECT user_id FROM stream_ticket WHERE ticket_hash = ?")
                .setParameter(1, hash).getResultList();
        return user.get(0).longValue();
    }

    @PermitAll
    public int purge() {
        return em.createNativeQuery("DELETE FROM stream_ticket WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofMinutes(5)))).executeUpdate();
    }
}
