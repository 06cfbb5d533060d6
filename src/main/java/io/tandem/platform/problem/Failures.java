package io.tandem.platform.problem;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any failure into the problem a client should see. The EJB container and the transaction manager wrap
 * what a service throws ({@code EJBException ← RollbackException ← OptimisticLockException}, see STACK.md), so
 * this walks the whole cause chain and answers the most specific thing it finds. Unknown failures are 500s.
 */
public final class Failures {

    private static final Pattern JSON_PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");
    /** MySQL/MariaDB: 1205 lock wait timeout, 1213 deadlock; SQLState 40001 serialization failure; H2: HYT00. */
    private static final List<String> RETRYABLE_STATES = List.of("40001", "41000", "HYT00");
    private static final List<Integer> RETRYABLE_CODES = List.of(1205, 1213);

    private Failures() {
    }

    public static Problem toProblem(Throwable failure, boolean authenticated) {
        List<Throwable> chain = chainOf(failure);
        return find(chain, ProblemException.class).map(ProblemException::problem)
                .or(() -> find(chain, ConstraintViolationException.class).map(Failures::invalid))
                .or(() -> accessDenied(chain).map(denied -> authenticated
                        ? Problem.forbidden("Your role does not allow this operation.")
                        : Problem.authenticationRequired()))
                .or(() -> unreadableJson(chain))
                .or(() -> find(chain, WebApplicationException.class).map(Failures::fromStatus))
                .or(() -> find(chain, OptimisticLockException.class).map(conflict ->
                        Problem.conflict("This record was modified by another user. Please refresh and try again.")
                                .type("version-conflict")))
                .or(() -> lockContention(chain))
                .or(() -> databaseUnavailable(chain))
                .or(() -> duplicateKey(chain))
                .or(() -> dangling(chain))
                .orElseGet(() -> Problem.of(500, "An unexpected error occurred. Quote the correlation id when reporting it."));
    }

    /** {@code @RolesAllowed} said no: EJBAccessException, or Payara's AccessLocalException for local views. */
    private static Optional<Throwable> accessDenied(List<Throwable> chain) {
        return chain.stream().filter(t -> t instanceof EJBAccessException || t instanceof AccessLocalException).findFirst();
    }

    /** Whether a failure is a lock-wait timeout or deadlock, i.e. the whole transaction may be tried again. */
    public static boolean isLockContention(Throwable failure) {
        return lockContention(chainOf(failure)).isPresent();
    }

    private static Optional<Problem> lockContention(List<Throwable> chain) {
        boolean contention = find(chain, PessimisticLockException.class).isPresent()
                || find(chain, LockTimeoutException.class).isPresent()
                || chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .anyMatch(sql -> sql.getSQLState() != null && RETRYABLE_STATES.contains(sql.getSQLState())
                        || RETRYABLE_CODES.contains(sql.getErrorCode()));
        return contention
                ? Optional.of(Problem.of(503, "The data is busy with other requests. Please retry shortly.")
                .type("busy").header("Retry-After", "1"))
                : Optional.empty();
    }

    /** Whether the database could not be reached or did not answer in time (the request changed nothing). */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        return databaseUnavailable(chainOf(failure)).isPresent();
    }

    /**
     * The database is down, unreachable or too slow: SQLState class 08 (connection exception) or a driver
     * timeout, a connection the pool could not hand out in time, or a socket that failed under the driver.
     * The transaction did not commit, so the client may safely try again: 503 + Retry-After, never a 500.
     */
    private static Optional<Problem> databaseUnavailable(List<Throwable> chain) {
        boolean unavailable = chain.stream().anyMatch(t ->
                t instanceof java.sql.SQLTransientConnectionException
                        || t instanceof java.sql.SQLNonTransientConnectionException
                        || t instanceof java.sql.SQLRecoverableException
                        || t instanceof java.sql.SQLTimeoutException
                        || t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("70100"))
                        || t instanceof jakarta.resource.ResourceException
                        || t instanceof java.net.SocketException
                        || t instanceof java.net.SocketTimeoutException
                        || t.getClass().getSimpleName().equals("PoolingException")
                        || t instanceof jakarta.persistence.QueryTimeoutException
                        || String.valueOf(t.getMessage()).startsWith("Error in allocating a connection"));
        return unavailable
                // A commit cut off by a timeout may still have happened: say so, rather than promise a safe retry.
                ? Optional.of(Problem.of(503, "The database is not available right now. Please retry shortly; if this "
                        + "was a change, check whether it was saved first, or retry it with the same Idempotency-Key.")
                .type("database-unavailable").header("Retry-After", "5"))
                : Optional.empty();
    }

    /** Whether a failure is a unique-key violation. */
    public static boolean isDuplicateKey(Throwable failure) {
        return duplicateKey(chainOf(failure)).isPresent();
    }

    /** A unique key said no (MySQL 1062, H2 23505): a concurrent request created the same thing first. */
    private static Optional<Problem> duplicateKey(List<Throwable> chain) {
        boolean duplicate = chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .anyMatch(sql -> sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState()));
        return duplicate
                ? Optional.of(Problem.conflict("The change conflicts with existing data.").type("duplicate"))
                : Optional.empty();
    }

    /**
     * A foreign key said no: the record refers to something that is gone (MySQL 1452, H2 23506), or is still
     * referred to by others and cannot be deleted (MySQL 1451, H2 23503).
     */
    private static Optional<Problem> dangling(List<Throwable> chain) {
        List<SQLException> sql = chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast).toList();
        if (sql.stream().anyMatch(e -> e.getErrorCode() == 1451 || "23503".equals(e.getSQLState()))) {
            return Optional.of(Problem.conflict("Other records still refer to this one; change or delete them first.")
                    .type("still-referenced"));
        }
        if (sql.stream().anyMatch(e -> e.getErrorCode() == 1452 || "23506".equals(e.getSQLState()))) {
            return Optional.of(Problem.conflict("The change refers to a record that does not exist (any more).")
                    .type("missing-reference"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> unreadableJson(List<Throwable> chain) {
        Optional<Throwable> json = chain.stream()
                .filter(t -> t instanceof JsonbException || t instanceof JsonException)
                .findFirst();
        return json.map(t -> {
            Optional<String> field = chain.stream().map(Throwable::getMessage)
                    .map(Failures::propertyIn).flatMap(Optional::stream).findFirst();
            Problem problem = Problem.badRequest(field
                    .map(name -> "The field '" + name + "' has a value of the wrong type or format.")
                    .orElse("The request body is not valid JSON."));
            field.ifPresent(problem::field);
            return problem;
        });
    }

    static Optional<String> propertyIn(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = JSON_PROPERTY.matcher(message);
        return matcher.find() ? Optional.of(snakeCase(matcher.group(1))) : Optional.empty();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static Problem invalid(ConstraintViolationException invalid) {
        List<Map<String, String>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            violations.add(Map.of("field", fieldOf(violation.getPropertyPath().toString()),
                    "message", violation.getMessage()));
        }
        violations.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        String first = violations.isEmpty() ? null : violations.get(0).get("field");
        Problem problem = Problem.badRequest(violations.isEmpty() ? "The request is not valid."
                : first + ": " + violations.get(0).get("message"));
        if (first != null) {
            problem.field(first);
        }
        return problem.with("violations", violations);
    }

    /** {@code create.arg0.username} → {@code username}: the client knows its fields, not our parameter names. */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        String last = parts[parts.length - 1];
        return last.isEmpty() || last.matches("arg\\d+") ? "body" : snakeCase(last);
    }

    private static Problem fromStatus(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.notFound("No resource at this path.");
            case 405 -> Problem.of(405, "This method is not allowed here.");
            case 406 -> Problem.of(406, "No acceptable representation; this API speaks application/json.");
            case 415 -> Problem.of(415, "Unsupported media type; send application/json.");
            case 400 -> Problem.badRequest("The request is not valid.");
            default -> Problem.of(status, status >= 500 ? "The request could not be processed." : web.getMessage());
        };
        if (web instanceof NotAllowedException) {
            String allow = web.getResponse().getHeaderString("Allow");
            if (allow != null) {
                problem.header("Allow", allow);
            }
        }
        return problem;
    }

    /** EclipseLink keeps the JDBC failure as its "internal exception", not always as the cause. */
    private static Throwable internalOf(Throwable failure) {
        if (!failure.getClass().getName().startsWith("org.eclipse.persistence.")) {
            return null;
        }
        try {
            return (Throwable) failure.getClass().getMethod("getInternalException").invoke(failure);
        } catch (ReflectiveOperationException | ClassCastException none) {
            return null;
        }
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                chain.add(sql.getNextException());
            }
            Throwable internal = internalOf(t);
            if (internal != null && internal != t.getCause() && !chain.contains(internal)) {
                chain.addAll(chainOf(internal));
            }
        }
        return chain;
    }
}
