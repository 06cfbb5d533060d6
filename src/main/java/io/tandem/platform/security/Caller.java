package io.tandem.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Who is calling: the user behind a valid access token, as the bearer authentication found them in the
 * database for this request (so role changes and revocations apply at once).
 */
public record Caller(long id, String username, String firstName, String lastName, Set<String> roles,
                     String signInId) {

    public static final String ATTRIBUTE = "tandem.caller";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller of a request, or null when it is anonymous. */
    public static Caller of(HttpServletRequest request) {
        return request == null ? null : (Caller) request.getAttribute(ATTRIBUTE);
    }
}
