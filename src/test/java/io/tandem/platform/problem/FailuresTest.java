package io.tandem.platform.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailuresTest {

    @Test
    void aProblemInsideEjbWrappingIsFound() {
        Problem problem = Problem.conflict("taken");
        assertEquals(problem, Failures.toProblem(new EJBException(new RuntimeException(problem.toException())), true));
    }

    @Test
    void anOptimisticLockFailureAtCommitIs409() {
        RollbackException rollback = new RollbackException("Transaction aborted");
        rollback.initCause(new OptimisticLockException("stale"));
        assertEquals(409, Failures.toProblem(new EJBException("Transaction aborted", new RuntimeException(rollback)), true).status());
    }

    @Test
    void deadlocksAndLockTimeoutsAreRetryable503s() {
        Problem deadlock = Failures.toProblem(new EJBException(new RuntimeException(new SQLTransactionRollbackException("Deadlock", "40001", 1213))), true);
        assertEquals(503, deadlock.status());
        assertEquals(503, Failures.toProblem(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205)), true).status());
    }

    @Test
    void duplicateKeysAndDanglingReferencesAre409_otherConstraintsAre500() {
        assertEquals(409, Failures.toProblem(new RuntimeException(new SQLException("dup", "23000", 1062)), true).status());
        assertEquals(409, Failures.toProblem(new RuntimeException(new SQLException("fk", "23000", 1452)), true).status());
        assertEquals(409, Failures.toProblem(new RuntimeException(new SQLException("in use", "23503", 0)), true).status());
        assertEquals(500, Failures.toProblem(new RuntimeException(new SQLException("check", "HY000", 3819)), true).status());
    }

    @Test
    void accessDeniedDependsOnWhetherTheCallerSignedIn() {
        assertEquals(401, Failures.toProblem(new EJBAccessException("no"), false).status());
        assertEquals(403, Failures.toProblem(new EJBAccessException("no"), true).status());
    }

    @Test
    void unreadableJsonNamesTheProperty() {
        Problem problem = Failures.toProblem(new RuntimeException(new JsonbException(
                "Unable to deserialize property 'firstName' because of: wrong type")), false);
        assertEquals(400, problem.status());
        assertEquals("first_name", problem.members().get("field"));
    }

    @Test
    void anythingElseIs500() {
        assertEquals(500, Failures.toProblem(new IllegalStateException("bug"), true).status());
    }

    @Test
    void propertyPathsBecomeClientFieldNames() {
        assertEquals("first_name", Failures.fieldOf("create.arg0.firstName"));
        assertEquals("body", Failures.fieldOf("create.arg0"));
    }
}
