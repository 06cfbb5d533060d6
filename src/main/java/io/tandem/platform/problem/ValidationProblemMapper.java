package io.tandem.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures, which the JAX-RS runtime would otherwise answer with its own mapper (JAX-RS picks the
 * closest mapper by type); answered exactly like {@link ProblemMapper} does.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ValidationException failure) {
        return ProblemMapper.respond(failure, request);
    }
}
