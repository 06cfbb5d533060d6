package io.tandem.platform.web;

import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.ProblemMapper;
import io.tandem.platform.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * First and last stop of every request: gives it a correlation id, refuses it with 401 when it carried a bad
 * token, and writes one structured access-log line (method, path, status, duration, user id, correlation id).
 * Never logs query strings, headers or bodies: they may hold tokens or personal data.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestGate extends HttpFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String CORRELATION_ATTRIBUTE = "tandem.correlation-id";
    /** Set by the bearer authentication when a token was presented but is not acceptable. */
    public static final String REJECTED_TOKEN_ATTRIBUTE = "tandem.rejected-token";
    /** Set by the bearer authentication when checking a token failed for a reason of the server's. */
    public static final String FAILED_ATTRIBUTE = "tandem.authentication-failed";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final java.util.Set<String> READ_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger ACCESS = Logger.getLogger("io.tandem.access");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String correlationId = correlationId(request);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            Object rejected = request.getAttribute(REJECTED_TOKEN_ATTRIBUTE);
            if (rejected != null) {
                ProblemWriter.write(response, Problem.unauthorized(rejected.toString())
                        .with("error", "Invalid or expired token")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\""), request.getRequestURI(), correlationId);
                return;
            }
            if (request.getAttribute(FAILED_ATTRIBUTE) instanceof Throwable failure) {
                ProblemWriter.write(response, ProblemMapper.problemFor(failure, false, correlationId),
                        request.getRequestURI(), correlationId);
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/") && !READ_METHODS.contains(request.getMethod())) {
                // The UI's static files are read-only; answer like the API does for a wrong method.
                ProblemWriter.write(response, Problem.of(405, "This method is not allowed here.")
                        .header("Allow", "GET, HEAD, OPTIONS"), request.getRequestURI(), correlationId);
                return;
            }
            chain.doFilter(request, response);
        } finally {
            Caller caller = Caller.of(request);
            ACCESS.info(() -> "request method=" + request.getMethod()
                    + " path=" + request.getRequestURI()
                    + " status=" + response.getStatus()
                    + " duration_ms=" + (System.nanoTime() - started) / 1_000_000
                    + " user_id=" + (caller == null ? "-" : caller.id())
                    + " correlation_id=" + correlationId);
        }
    }

    /** The request's correlation id: the caller's {@code X-Correlation-Id} if it is a safe token, else a new one. */
    public static String correlationId(HttpServletRequest request) {
        Object known = request.getAttribute(CORRELATION_ATTRIBUTE);
        if (known != null) {
            return known.toString();
        }
        String offered = request.getHeader(CORRELATION_HEADER);
        String id = offered != null && SAFE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(CORRELATION_ATTRIBUTE, id);
        return id;
    }
}
