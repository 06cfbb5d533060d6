package io.tandem.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * A refusal whose side effects must still be committed, e.g. revoking a token family after a stolen refresh
 * token was presented: the caller gets the problem, the revocation stays.
 */
@ApplicationException(rollback = false)
public class CommittingProblemException extends ProblemException {

    public CommittingProblemException(Problem problem) {
        super(problem);
    }
}
