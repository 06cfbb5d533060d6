package io.tandem.platform.web;

import io.tandem.platform.problem.Failures;
import io.tandem.platform.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces the server's HTML error pages (web.xml routes every error here): a path outside the API that does not
 * exist, a wrong method on a static file, or a failure in a filter all answer problem+json too.
 */
@WebServlet(urlPatterns = "/problem-page")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        String correlationId = RequestGate.correlationId(request);
        Problem problem;
        if (failure != null) {
            problem = Failures.toProblem(failure, request.getUserPrincipal() != null);
        } else if (code instanceof Integer status && status >= 400) {
            problem = switch (status) {
                case 404 -> Problem.notFound("No resource at this path.");
                case 405 -> Problem.of(405, "This method is not allowed here.");
                case 401 -> Problem.authenticationRequired();
                case 403 -> Problem.forbidden("Access to this resource is not allowed.");
                default -> Problem.of(status, status >= 500 ? "The request could not be processed." : null);
            };
        } else {
            problem = Problem.notFound("No resource at this path.");
        }
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "server_error correlation_id=" + correlationId + " status=" + problem.status(), failure);
        }
        ProblemWriter.write(response, problem, instance, correlationId);
    }
}
