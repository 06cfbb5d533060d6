package io.tandem.stock.boundary;

import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.stock.entity.Allocation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Allocation of all lines or none, checked first. It runs in the transaction the resource opens through
 * {@code Idempotency.run} (MANDATORY: never in one of its own), which also holds the request's Idempotency-Key
 * and retries the whole transaction, key included, when a lock-wait timeout or deadlock rolled it back; after
 * three tries the client gets 503 with Retry-After, never a 500 or half an allocation.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockAllocations {

    @Inject
    StockLedger ledger;

    public List<Allocation> allocate(List<StockLedger.Line> lines, Long orderId) {
        if (lines == null || lines.isEmpty()) {
            throw Problem.badRequest("Name at least one product, client and quantity.").field("lines").toException();
        }
        if (lines.size() > 100) {
            throw Problem.badRequest("At most 100 lines per allocation.").field("lines").toException();
        }
        for (StockLedger.Line line : lines) {
            if (line.productId() == null) {
                throw Problem.badRequest("product_id is required.").field("product_id").toException();
            }
            if (line.clientId() == null) {
                throw Problem.badRequest("client_id is required.").field("client_id").toException();
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > StockLedger.MAX_QUANTITY) {
                throw Problem.badRequest("quantity must be a whole number from 1 to " + StockLedger.MAX_QUANTITY + ".")
                        .field("quantity").toException();
            }
        }
        return ledger.allocate(lines, orderId);
    }
}
