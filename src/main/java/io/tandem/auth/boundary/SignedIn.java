package io.tandem.auth.boundary;

/** The answer to a login or refresh (seed 003's shape, with a rotated refresh token). */
public record SignedIn(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {
}
