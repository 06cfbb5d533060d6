package io.tandem.auth.control;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

    private AccessTokens at(Instant now) {
        return new AccessTokens(KEY, "tandem", "tandem-api", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anIssuedTokenVerifiesUntilItExpires() throws Exception {
        String token = at(NOW).issue(7, "bob", "family-1");
        assertEquals(new AccessTokens.Claimed(7, "family-1"), at(NOW.plusSeconds(899)).verify(token));
        InvalidTokenException expired = assertThrows(InvalidTokenException.class, () -> at(NOW.plusSeconds(901)).verify(token));
        assertEquals("The access token has expired.", expired.getMessage());
    }

    @Test
    void anotherKeyIssuerOrAudienceIsRefused() {
        String token = at(NOW).issue(7, "bob", "family-1");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(InvalidTokenException.class, () -> new AccessTokens(new SecretKeySpec(other, "HmacSHA256"), "tandem",
                "tandem-api", Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)).verify(token));
        assertThrows(InvalidTokenException.class, () -> new AccessTokens(KEY, "other", "tandem-api",
                Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)).verify(token));
        assertThrows(InvalidTokenException.class, () -> new AccessTokens(KEY, "tandem", "other",
                Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)).verify(token));
        assertThrows(InvalidTokenException.class, () -> at(NOW).verify(""));
        assertThrows(InvalidTokenException.class, () -> at(NOW).verify("a.b.c"));
    }

    @Test
    void successorsAreDeterministicAndHashesAreHex() {
        RefreshTokenCodec codec = new RefreshTokenCodec(new byte[32]);
        String token = codec.newToken();
        assertEquals(codec.successorOf(token), codec.successorOf(token));
        assertNotEquals(token, codec.successorOf(token));
        assertNotEquals(codec.successorOf(token), new RefreshTokenCodec(new byte[]{1}).successorOf(token));
        assertEquals(64, RefreshTokenCodec.hash(token).length());
    }
}
