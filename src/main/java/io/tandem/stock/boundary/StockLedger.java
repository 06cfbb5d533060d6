package io.tandem.stock.boundary;

import io.tandem.orders.entity.Order;
import io.tandem.platform.Roles;
import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.CurrentCaller;
import io.tandem.platform.versioning.VersionedStore;
import io.tandem.stock.entity.Allocation;
import io.tandem.stock.entity.Client;
import io.tandem.stock.entity.Product;
import io.tandem.stock.entity.Stock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every change of stock, each in one transaction under pessimistic row locks ({@code SELECT … FOR UPDATE}):
 * check and decrement cannot be separated by another request, on any number of nodes.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.USER})
public class StockLedger {

    public static final long MAX_QUANTITY = 1_000_000;
    static final String INSUFFICIENT = "Insufficient stock or concurrent allocation occurred";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    VersionedStore store;

    /** One line of an allocation. */
    public record Line(Long productId, Long clientId, Long quantity) {
    }

    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Stock create(Long productId, Long clientId, Long quantity) {
        store.reference(Product.class, productId, "product_id");
        store.reference(Client.class, clientId, "client_id");
        long onHand = quantity == null ? 0 : quantity;
        if (onHand < 0 || onHand > 1_000_000_000L) {
            throw Problem.badRequest("quantity_on_hand must be from 0 to 1000000000.").field("quantity_on_hand").toException();
        }
        if (find(productId, clientId) != null) {
            throw Problem.conflict("There is already a stock row for this product and client.").field("product_id").toException();
        }
        Stock stock = new Stock(productId, clientId, onHand, clock.instant());
        em.persist(stock);
        em.flush();
        return stock;
    }

    /** Adds or removes stock by hand (a delivery, a count correction); never below zero. */
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Stock adjust(long stockId, Long delta) {
        if (delta == null || delta == 0 || Math.abs(delta) > 1_000_000_000L) {
            throw Problem.badRequest("delta must be a non-zero whole number within ±1000000000.").field("delta").toException();
        }
        Stock stock = em.find(Stock.class, stockId, LockModeType.PESSIMISTIC_WRITE);
        if (stock == null) {
            throw Problem.notFound("There is no stock row " + stockId + ".").toException();
        }
        Instant now = clock.instant();
        if (delta > 0) {
            stock.putBack(delta, now);
        } else if (!stock.take(-delta, now)) {
            throw Problem.conflict("Only " + stock.getQuantityOnHand() + " on hand; cannot remove " + (-delta) + ".")
                    .with("available", stock.getQuantityOnHand()).field("delta").toException();
        }
        return stock;
    }

    /**
     * Allocates every line or none, in the caller's transaction. Rows are locked in primary-key order, so two
     * multi-line allocations that touch the same rows queue behind each other instead of deadlocking.
     */
    public List<Allocation> allocate(List<Line> lines, Long orderId) {
        if (orderId != null && em.find(Order.class, orderId) == null) {
            throw Problem.badRequest("order_id " + orderId + " refers to no order.").field("order_id").toException();
        }
        Map<Long, Long> wanted = new TreeMap<>();
        for (Line line : lines) {
            Stock stock = find(line.productId(), line.clientId());
            if (stock == null) {
                throw Problem.notFound("There is no stock of product " + line.productId() + " for client " + line.clientId() + ".")
                        .toException();
            }
            wanted.merge(stock.getId(), line.quantity(), Long::sum);
        }
        Instant now = clock.instant();
        String by = caller.get().username();
        String batch = UUID.randomUUID().toString();
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<Long, Long> entry : wanted.entrySet()) {
            Stock stock = em.find(Stock.class, entry.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (!stock.take(entry.getValue(), now)) {
                throw Problem.conflict(INSUFFICIENT).type("insufficient-stock")
                        .with("error", INSUFFICIENT)
                        .with("product_id", stock.getProductId()).with("client_id", stock.getClientId())
                        .with("requested", entry.getValue()).with("available", stock.getQuantityOnHand())
                        .toException();
            }
            Allocation allocation = new Allocation(batch, stock, entry.getValue(), orderId, now, by);
            em.persist(allocation);
            allocations.add(allocation);
        }
        em.flush();
        return allocations;
    }

    /** Gives an allocation back exactly once: the status moves only from ALLOCATED, under a row lock. */
    public Allocation release(long allocationId) {
        Allocation allocation = em.find(Allocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
        if (allocation == null) {
            throw Problem.notFound("There is no allocation " + allocationId + ".").toException();
        }
        if (!Allocation.ALLOCATED.equals(allocation.getStatus())) {
            throw Problem.conflict("Already released by " + allocation.getReleasedBy() + " at " + allocation.getReleasedAt() + ".")
                    .type("already-released").with("released_by", allocation.getReleasedBy())
                    .with("released_at", allocation.getReleasedAt()).toException();
        }
        Instant now = clock.instant();
        em.createQuery("UPDATE Allocation a SET a.status = :released, a.releasedAt = :now, a.releasedBy = :by"
                        + " WHERE a.id = :id AND a.status = :allocated")
                .setParameter("released", Allocation.RELEASED).setParameter("now", now)
                .setParameter("by", caller.get().username()).setParameter("id", allocationId)
                .setParameter("allocated", Allocation.ALLOCATED).executeUpdate();
        em.find(Stock.class, allocation.getStockId(), LockModeType.PESSIMISTIC_WRITE).putBack(allocation.getQuantity(), now);
        em.flush();
        em.refresh(allocation);
        return allocation;
    }

    /**
     * Stock rows in the order people look for them (product name, SKU, client name), optionally only those whose
     * product SKU or name or client name contains {@code text} (case-insensitive, wildcards literal).
     */
    public List<Stock> list(Optional<String> text, int offset, int limit) {
        return listed("s", text, Stock.class, " ORDER BY p.name, p.sku, c.name, s.id")
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Optional<String> text) {
        return listed("COUNT(s)", text, Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> listed(String select, Optional<String> text, Class<T> type, String order) {
        String like = " LIKE :q ESCAPE '" + ListQuery.ESCAPE + "'";
        TypedQuery<T> query = em.createQuery("SELECT " + select + " FROM Stock s, Product p, Client c"
                + " WHERE p.id = s.productId AND c.id = s.clientId"
                + (text.isPresent() ? " AND (LOWER(p.sku)" + like + " OR LOWER(p.name)" + like + " OR LOWER(c.name)" + like + ")" : "")
                + order, type);
        text.ifPresent(t -> query.setParameter("q", ListQuery.containing(t)));
        return query;
    }

    public Stock get(long id) {
        Stock stock = em.find(Stock.class, id);
        if (stock == null) {
            throw Problem.notFound("There is no stock row " + id + ".").toException();
        }
        return stock;
    }

    public List<Allocation> allocationsOf(long stockId) {
        return em.createQuery("SELECT a FROM Allocation a WHERE a.stockId = :stock ORDER BY a.id", Allocation.class)
                .setParameter("stock", stockId).getResultList();
    }

    private Stock find(Long productId, Long clientId) {
        return em.createQuery("SELECT s FROM Stock s WHERE s.productId = :product AND s.clientId = :client", Stock.class)
                .setParameter("product", productId).setParameter("client", clientId)
                .getResultStream().findFirst().orElse(null);
    }
}
