package io.tandem.auth.boundary;

import io.tandem.auth.control.AccessTokens;
import io.tandem.auth.control.RefreshTokenCodec;
import io.tandem.platform.db.DatabaseDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The server's token keys. From {@code tandem.auth.jwt-secret} when configured (what several nodes must share);
 * otherwise generated at first start and kept in the database, so a restart does not sign everyone out.
 * Separate keys for signing and for refresh-token successors are derived from that one secret.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());
    private static final String SECRET_NAME = "jwt";

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.auth.jwt-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "tandem.auth.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "tandem.auth.audience")
    String audience;

    @Inject
    @ConfigProperty(name = "tandem.auth.access-token-ttl")
    Duration accessTokenTtl;

    private AccessTokens accessTokens;
    private RefreshTokenCodec refreshTokens;

    @PostConstruct
    void load() {
        byte[] master = configuredSecret.filter(s -> !s.isBlank())
                .map(TokenKeys::decode)
                .orElseGet(this::storedSecret);
        if (master.length < 32) {
            throw new IllegalStateException("tandem.auth.jwt-secret must hold at least 32 bytes (256 bits)");
        }
        SecretKey signing = new SecretKeySpec(derive(master, "access-token-signing"), "HmacSHA256");
        accessTokens = new AccessTokens(signing, issuer, audience, accessTokenTtl, clock);
        refreshTokens = new RefreshTokenCodec(derive(master, "refresh-token-successor"));
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public RefreshTokenCodec refreshTokens() {
        return refreshTokens;
    }

    /** Base64 if it decodes to 32 bytes or more, else the text itself. */
    private static byte[] decode(String secret) {
        try {
            byte[] decoded = Base64.getDecoder().decode(secret.trim());
            if (decoded.length >= 32) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through: taken as text
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the stored secret; the first node to start creates it, the others read what it wrote. */
    private byte[] storedSecret() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> stored = read(connection);
            if (stored.isEmpty()) {
                byte[] fresh = new byte[64];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, SECRET_NAME);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.setTimestamp(3, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                    LOG.info("Generated a token signing secret and stored it in the database (tandem.auth.jwt-secret is not set).");
                } catch (SQLException raced) {
                    LOG.fine("Another node stored the secret first");
                }
                stored = read(connection);
            }
            return Base64.getDecoder().decode(stored.orElseThrow());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or store the token signing secret", e);
        }
    }

    private static Optional<String> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
            select.setString(1, SECRET_NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
