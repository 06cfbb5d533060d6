package io.tandem.it;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.jackson.io.JacksonSerializer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Tokens a test signs itself with the server's real key (the suite configures the secret), to prove that
 * claims the server must check are checked, not merely that the signature is.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    public static byte[] serverSigningKey() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestDatabase.JWT_SECRET), "HmacSHA256"));
            return mac.doFinal("access-token-signing".getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token like the server's, changed by {@code change}, signed with the server's key. */
    public static String signed(long userId, String family, UnaryOperator<io.jsonwebtoken.JwtBuilder> change) {
        Instant now = Instant.now();
        var builder = Jwts.builder().json(new JacksonSerializer<>())
                .issuer("tandem").audience().add("tandem-api").and()
                .subject(Long.toString(userId)).claim("typ", "access").claim("fam", family)
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(600)));
        return change.apply(builder).signWith(new SecretKeySpec(serverSigningKey(), "HmacSHA256"), Jwts.SIG.HS256).compact();
    }

    /** The payload of a JWT, decoded. */
    public static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
