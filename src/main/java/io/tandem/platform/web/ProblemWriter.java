package io.tandem.platform.web;

import io.tandem.platform.problem.Problem;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem straight to a servlet response, for the paths that never reach JAX-RS. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, Problem problem, String instance, String correlationId)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        problem.toResponse(instance, correlationId).getStringHeaders()
                .forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("Content-Type")) {
                        response.setHeader(name, String.join(",", values));
                    }
                });
        byte[] body = problem.toJson(instance, correlationId).toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
