package io.tandem.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Carries a {@link Problem} out of a service. As an application exception it leaves an EJB unwrapped and rolls
 * the transaction back, so a rejected request never changes anything.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
