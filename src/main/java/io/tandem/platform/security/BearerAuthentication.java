package io.tandem.platform.security;

import io.tandem.auth.boundary.SignIns;
import io.tandem.auth.control.InvalidTokenException;
import io.tandem.platform.web.RequestGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.HashSet;

/**
 * Authenticates {@code Authorization: Bearer <access token>} for the container, so {@code @RolesAllowed} on the
 * EJB services sees the caller and their roles. No header means anonymous; a bad token is not refused here but
 * flagged for {@link RequestGate}, which answers it as problem+json like every other error.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";

    @Inject
    SignIns signIns;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.doNothing();
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            request.setAttribute(RequestGate.REJECTED_TOKEN_ATTRIBUTE, "Only Bearer tokens are accepted.");
            return context.doNothing();
        }
        try {
            Caller caller = signIns.identify(header.substring(SCHEME.length()).trim());
            request.setAttribute(Caller.ATTRIBUTE, caller);
            return context.notifyContainerAboutLogin(new CredentialValidationResult(
                    String.valueOf(caller.id()), new HashSet<>(caller.roles())));
        } catch (InvalidTokenException invalid) {
            request.setAttribute(RequestGate.REJECTED_TOKEN_ATTRIBUTE, invalid.getMessage());
            return context.doNothing();
        } catch (RuntimeException failure) {
            // Checking a token reads the database; when that fails (database down, pool exhausted …) the
            // request must still get its problem+json answer, which only RequestGate can write from here.
            request.setAttribute(RequestGate.FAILED_ATTRIBUTE, failure);
            return context.doNothing();
        }
    }
}
