package io.tandem.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A refresh token, known only by its hash. It is used once: rotating it marks it and issues its successor. */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.BY_HASH, query = "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash")
public class RefreshToken {

    public static final String BY_HASH = "RefreshToken.byHash";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "family_id", nullable = false)
    private TokenFamily family;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshToken() {
    }

    public RefreshToken(TokenFamily family, String tokenHash, Instant issuedAt) {
        this.family = Objects.requireNonNull(family);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.issuedAt = Objects.requireNonNull(issuedAt);
    }

    public TokenFamily getFamily() {
        return family;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public void markRotated(Instant now) {
        this.rotatedAt = now;
    }
}
