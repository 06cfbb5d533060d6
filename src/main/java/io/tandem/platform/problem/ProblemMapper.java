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
        Problem problem = Failures.toProblem(failure, request.getUserPrincipal() != null);
        String correlationId = RequestGate.correlationId(request);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "server_error correlation_id=" + correlationId + " status=" + problem.status(), failure);
        }
        return problem.toResponse(request.getRequestURI(), correlationId);
    }
}
