package io.tandem.auth.boundary;

import io.tandem.platform.timers.Chores;
import io.tandem.auth.control.AccessTokens;
import io.tandem.auth.control.InvalidTokenException;
import io.tandem.auth.control.RefreshRules;
import io.tandem.auth.control.RefreshTokenCodec;
import io.tandem.auth.entity.RefreshToken;
import io.tandem.auth.entity.TokenFamily;
import io.tandem.auth.entity.User;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.CommittingProblemException;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Signing in and staying signed in: password login, refresh-token rotation with reuse detection, logout, and
 * turning an access token into a {@link Caller} for each request.
 */
@Stateless
@PermitAll
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class.getName());
    private static final String WRONG_CREDENTIALS = "Wrong username or password.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TokenKeys keys;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottles throttles;

    @Inject
    @ConfigProperty(name = "tandem.auth.refresh-token-ttl")
    Duration refreshTokenTtl;

    @Inject
    @ConfigProperty(name = "tandem.auth.refresh-idle-timeout")
    Duration refreshIdleTimeout;

    @Inject
    @ConfigProperty(name = "tandem.auth.refresh-reuse-window")
    Duration reuseWindow;

    @Inject
    @ConfigProperty(name = "tandem.auth.purge-after")
    Duration purgeAfter;

    public SignedIn login(String username, String password, String address) {
        Instant now = clock.instant();
        String userKey = username.toLowerCase(Locale.ROOT);
        throttles.refuseWhileBlocked(userKey, address, now);
        Optional<User> found = em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username).getResultStream().findFirst();
        if (!passwords.matches(password, found.map(User::getPasswordHash).orElse(null))) {
            throttles.recordFailure(userKey, address, now);
            LOG.info(() -> "login_failed address=" + address);
            throw Problem.unauthorized(WRONG_CREDENTIALS).with("error", "Invalid credentials").toException();
        }
        throttles.recordSuccess(userKey);
        User user = found.get();
        TokenFamily family = new TokenFamily(UUID.randomUUID().toString(), user.getId(), now, now.plus(refreshTokenTtl));
        em.persist(family);
        String refreshToken = codec().newToken();
        em.persist(new RefreshToken(family, RefreshTokenCodec.hash(refreshToken), now));
        LOG.info(() -> "login user_id=" + user.getId());
        return signedIn(user, family, refreshToken);
    }

    /**
     * Rotates a refresh token. The row lock serialises two refreshes of one token, so exactly one rotates it;
     * the other is a reuse (theft: the family is revoked) or, inside the reuse window, gets the same successor.
     */
    public SignedIn refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken presented = em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
                .setParameter("hash", RefreshTokenCodec.hash(refreshToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> refused("The refresh token is not valid."));
        TokenFamily family = presented.getFamily();
        User user = family == null ? null : em.find(User.class, family.getUserId());
        if (user == null || !family.isLive(now)) {
            throw refused("This sign-in has ended. Please sign in again.");
        }
        String successor = codec().successorOf(refreshToken);
        switch (RefreshRules.judge(presented.getIssuedAt(), presented.getRotatedAt(), now, refreshIdleTimeout, reuseWindow)) {
            case ROTATE -> {
                presented.markRotated(now);
                em.persist(new RefreshToken(family, RefreshTokenCodec.hash(successor), now));
                return signedIn(user, family, successor);
            }
            case REPEAT_SUCCESSOR -> {
                boolean successorUnused = em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
                        .setParameter("hash", RefreshTokenCodec.hash(successor))
                        .getResultStream().anyMatch(next -> next.getRotatedAt() == null);
                if (successorUnused) {
                    return signedIn(user, family, successor);
                }
                throw revoke(family, now);
            }
            case REUSED -> throw revoke(family, now);
            default -> throw refused("The refresh token has expired. Please sign in again.");
        }
    }

    /** Ends the caller's sign-in: its refresh tokens and access tokens stop working at once. */
    public void logout(Caller caller) {
        TokenFamily family = em.find(TokenFamily.class, caller.signInId(), LockModeType.PESSIMISTIC_WRITE);
        if (family != null) {
            family.revoke(clock.instant(), "logout");
        }
        LOG.info(() -> "logout user_id=" + caller.id());
    }

    /**
     * Forgets sign-ins that ended (expired or revoked) longer than {@code tandem.auth.purge-after} ago, with their
     * refresh tokens (ON DELETE CASCADE). Until then a token of an ended sign-in is still recognised and answered
     * "this sign-in has ended"; a live sign-in keeps all its rotated tokens, so reuse detection loses nothing (and
     * they are bounded by the sign-in's lifetime). Called by the timer without a caller; idempotent, so every node
     * may run it.
     */
    public int purgeEnded() {
        Timestamp before = Timestamp.from(clock.instant().minus(purgeAfter));
        return em.createNativeQuery("DELETE FROM token_family WHERE expires_at < ? OR revoked_at < ? LIMIT " + Chores.BATCH)
                .setParameter(1, before).setParameter(2, before).executeUpdate();
    }

    /** {@link #purgeEnded} when an operator asks for it. */
    @RolesAllowed(Roles.ADMIN)
    public int purgeEndedNow() {
        return purgeEnded();
    }

    /** The caller behind an access token, checked against the database (revoked sign-ins, current roles). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Caller identify(String accessToken) throws InvalidTokenException {
        AccessTokens.Claimed claimed = keys.accessTokens().verify(accessToken);
        TokenFamily family = em.find(TokenFamily.class, claimed.familyId());
        if (family == null || family.getUserId() != claimed.userId() || !family.isLive(clock.instant())) {
            throw new InvalidTokenException("This sign-in has ended. Please sign in again.");
        }
        User user = em.find(User.class, claimed.userId());
        if (user == null) {
            throw new InvalidTokenException("This user no longer exists.");
        }
        return new Caller(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getRoles(), family.getId());
    }

    private CommittingProblemException revoke(TokenFamily family, Instant now) {
        family.revoke(now, "refresh-token-reuse");
        LOG.warning(() -> "refresh_token_reuse user_id=" + family.getUserId() + " sign_in_revoked=true");
        return new CommittingProblemException(Problem.unauthorized(
                        "This refresh token was already used. For your safety this sign-in has been revoked; please sign in again.")
                .type("refresh-token-reused").with("error", "Refresh token reuse detected"));
    }

    private static RuntimeException refused(String detail) {
        return Problem.unauthorized(detail).with("error", "Invalid refresh token").toException();
    }

    private SignedIn signedIn(User user, TokenFamily family, String refreshToken) {
        AccessTokens tokens = keys.accessTokens();
        return new SignedIn(tokens.issue(user.getId(), user.getUsername(), family.getId()), refreshToken, "bearer",
                tokens.ttl().toSeconds(), UserView.of(user));
    }

    private RefreshTokenCodec codec() {
        return keys.refreshTokens();
    }
}
