package io.tandem.platform.web;

import io.tandem.platform.problem.ProblemMapper;
import io.tandem.platform.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Replaces the server's HTML error pages (web.xml routes every error here): a path outside the API that does not
 * exist, a wrong method on a static file, or a failure in a filter all answer problem+json too.
 */
@WebServlet(urlPatterns = "/problem-page")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        String correlationId = RequestGate.correlationId(request);
        Problem problem;
        if (failure != null) {
            problem = ProblemMapper.problemFor(failure, request.getUserPrincipal() != null, correlationId);
        } else if (code instanceof Integer status && status >= 400) {
            problem = switch (status) {
                case 404 -> Problem.notFound("No resource at this path.");
                case 405 -> Problem.of(405, "This method is not allowed here.");
                case 401 -> Problem.authenticationRequired();
                case 403 -> Problem.forbidden("Access to this resource is not allowed.");
                case 400 -> Problem.badRequest("The request is malformed (its line, headers or encoding).");
                case 408 -> Problem.of(408, "The request took too long to arrive.");
                case 413 -> Problem.of(413, "The request is too large.");
                case 414 -> Problem.of(414, "The request URI is too long.");
                case 415 -> Problem.of(415, "Unsupported media type; send application/json.");
                case 431 -> Problem.of(431, "The request headers are too large.");
                default -> Problem.of(status, status >= 500 ? "The request could not be processed."
                        : "The request cannot be answered (HTTP " + status + ").");
            };
        } else {
            problem = Problem.notFound("No resource at this path.");
        }
        ProblemWriter.write(response, problem, instance, correlationId);
    }
}
