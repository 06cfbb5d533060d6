package io.tandem.platform.problem;

import io.tandem.platform.web.RequestGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The one exception mapper: every failure that reaches JAX-RS leaves as problem+json. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        return respond(failure, request);
    }

    static Response respond(Throwable failure, HttpServletRequest request) {
        String correlationId = RequestGate.correlationId(request);
        return problemFor(failure, request.getUserPrincipal() != null, correlationId)
                .toResponse(request.getRequestURI(), correlationId);
    }

    /**
     * The problem for a failure, logged once: a real fault (500) with its stack trace, an unavailable database
     * or busy data (503) as one line, since an outage would otherwise flood the log with identical traces.
     */
    public static Problem problemFor(Throwable failure, boolean authenticated, String correlationId) {
        Problem problem = Failures.toProblem(failure, authenticated);
        if (problem.status() == 503) {
            LOG.warning(() -> "service_unavailable correlation_id=" + correlationId + " cause=" + rootOf(failure));
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "server_error correlation_id=" + correlationId + " status=" + problem.status(), failure);
        }
        return problem;
    }

    private static String rootOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
