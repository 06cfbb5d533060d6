package io.tandem.auth.control;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.jackson.io.JacksonSerializer;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Short-lived access tokens: HS256 JWTs naming the user and their sign-in (token family). Verification pins the
 * algorithm, issuer, audience and token type, and reads expiry from the application clock, so a refresh token,
 * an unsigned token or one signed any other way is never taken for an access token.
 */
public final class AccessTokens {

    public static final String ALGORITHM = "HS256";
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String FAMILY_CLAIM = "fam";

    private final SecretKey key;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(SecretKey key, String issuer, String audience, Duration ttl, Clock clock) {
        this.key = Objects.requireNonNull(key);
        this.issuer = Objects.requireNonNull(issuer);
        this.audience = Objects.requireNonNull(audience);
        this.ttl = Objects.requireNonNull(ttl);
        this.clock = Objects.requireNonNull(clock);
    }

    public record Claimed(long userId, String familyId) {
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(long userId, String username, String familyId) {
        Instant now = clock.instant();
        return Jwts.builder()
                .json(new JacksonSerializer<>())
                .header().type("JWT").and()
                .issuer(issuer)
                .audience().add(audience).and()
                .subject(Long.toString(userId))
                .claim("preferred_username", username)
                .claim(TYPE_CLAIM, ACCESS)
                .claim(FAMILY_CLAIM, familyId)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    public Claimed verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("The access token is missing.");
        }
        try {
            Jws<Claims> jws = Jwts.parser()
                    .json(new JacksonDeserializer<>())
                    .verifyWith(key)
                    .requireIssuer(issuer)
                    .requireAudience(audience)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
                throw new InvalidTokenException("The access token is not signed with " + ALGORITHM + ".");
            }
            Claims claims = jws.getPayload();
            if (!ACCESS.equals(claims.get(TYPE_CLAIM, String.class))) {
                throw new InvalidTokenException("This is not an access token.");
            }
            String family = claims.get(FAMILY_CLAIM, String.class);
            if (family == null || claims.getSubject() == null) {
                throw new InvalidTokenException("The access token is incomplete.");
            }
            return new Claimed(Long.parseLong(claims.getSubject()), family);
        } catch (ExpiredJwtException expired) {
            throw new InvalidTokenException("The access token has expired.");
        } catch (JwtException | IllegalArgumentException invalid) {
            throw new InvalidTokenException("The access token is not valid.");
        }
    }
}
