package io.tandem.auth.boundary;

import io.tandem.auth.entity.TokenFamily;
import io.tandem.auth.entity.User;
import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * New passwords: a signed-in user's own change (proving the current password, throttled like a sign-in) and an
 * administrator's reset. Whoever might know the old password must not stay signed in with it, so either ends
 * the user's sign-ins at once; only the sign-in that made the change itself stays.
 */
@Stateless
public class PasswordChanges {

    private static final Logger LOG = Logger.getLogger(PasswordChanges.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottles throttles;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    /** The caller's own password; every other sign-in of theirs ends. */
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
    public void change(String currentPassword, String newPassword, String address) {
        Caller me = caller.get();
        Instant now = clock.instant();
        String userKey = me.username().toLowerCase(Locale.ROOT);
        throttles.refuseWhileBlocked(userKey, address, now);
        String newHash = passwords.hash(passwords.requireAcceptable("new_password", newPassword));
        User user = locked(me.id());
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            throttles.recordFailure(userKey, address, now);
            LOG.info(() -> "password_change_refused user_id=" + me.id() + " address=" + address);
            throw Problem.forbidden("current_password is not your current password.").type("wrong-password")
                    .field("current_password").toException();
        }
        replaceHash(user, newHash);
        int ended = endSignIns(user.getId(), me.signInId(), "password-changed", now);
        LOG.info(() -> "password_changed user_id=" + me.id() + " other_sign_ins_ended=" + ended);
    }

    /** An administrator sets a user's password; all of that user's sign-ins end (the caller's too, if it is theirs). */
    @RolesAllowed(Roles.ADMIN)
    public void reset(long userId, String newPassword) {
        String newHash = passwords.hash(passwords.requireAcceptable("new_password", newPassword));
        User user = locked(userId);
        replaceHash(user, newHash);
        int ended = endSignIns(userId, null, "password-reset", clock.instant());
        LOG.info(() -> "password_reset user_id=" + userId + " by_user_id=" + caller.get().id() + " sign_ins_ended=" + ended);
    }

    /** Locked, so two changes of one password queue and each proves the current password against the latest. */
    private User locked(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw Problem.notFound("There is no user " + userId + ".").toException();
        }
        return user;
    }

    /**
     * SQL, not the entity's setter: the hash is no part of the user's versioned state, and a changed field of the
     * managed entity would give the user a new version at commit (so would a JPQL bulk update: EclipseLink adds
     * the version to it) — with no revision and no event, so an administrator's next save of that user would be
     * refused as a conflict showing no change at all. There is no shared cache to go stale (persistence.xml).
     */
    private void replaceHash(User user, String newHash) {
        em.createNativeQuery("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .setParameter(1, newHash).setParameter(2, user.getId()).executeUpdate();
    }

    /** Revokes the user's sign-ins but {@code keep}: their refresh and access tokens stop working at once. */
    private int endSignIns(long userId, String keep, String reason, Instant now) {
        List<TokenFamily> families = em.createNamedQuery(TokenFamily.UNREVOKED_OF_USER, TokenFamily.class)
                .setParameter("user", userId).getResultList().stream()
                .filter(family -> !family.getId().equals(keep)).toList();
        families.forEach(family -> family.revoke(now, reason));
        return families.size();
    }
}
