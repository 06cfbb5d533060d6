package io.tandem.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One sign-in: every refresh token rotated from it belongs here, and every access token names it. Revoking the
 * family (logout, or a replayed refresh token) ends all of them at once.
 */
@Entity
@Table(name = "token_family")
@NamedQuery(name = TokenFamily.UNREVOKED_OF_USER,
        query = "SELECT f FROM TokenFamily f WHERE f.userId = :user AND f.revokedAt IS NULL ORDER BY f.id")
public class TokenFamily {

    public static final String UNREVOKED_OF_USER = "TokenFamily.unrevokedOfUser";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 32)
    private String revokedReason;

    protected TokenFamily() {
    }

    public TokenFamily(String id, long userId, Instant createdAt, Instant expiresAt) {
        this.id = Objects.requireNonNull(id);
        this.userId = userId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public String getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
    }
}
