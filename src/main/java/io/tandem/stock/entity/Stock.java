package io.tandem.stock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * What is on hand of one product for one client. Changed only under a pessimistic row lock
 * ({@code SELECT … FOR UPDATE}); the database's CHECK keeps it from going negative even if code were wrong.
 */
@Entity
@Table(name = "stock")
public class Stock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    @Column(name = "quantity_on_hand", nullable = false)
    private long quantityOnHand;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "last_modified_at", nullable = false)
    private Instant lastModifiedAt;

    protected Stock() {
    }

    public Stock(long productId, long clientId, long quantityOnHand, Instant now) {
        this.productId = productId;
        this.clientId = clientId;
        this.quantityOnHand = quantityOnHand;
        this.lastModifiedAt = now;
    }

    /** Takes {@code quantity} out; false (and nothing changed) when there is not that much. */
    public boolean take(long quantity, Instant now) {
        if (quantity > quantityOnHand) {
            return false;
        }
        quantityOnHand -= quantity;
        lastModifiedAt = now;
        return true;
    }

    public void putBack(long quantity, Instant now) {
        quantityOnHand += quantity;
        lastModifiedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getProductId() {
        return productId;
    }

    public Long getClientId() {
        return clientId;
    }

    public long getQuantityOnHand() {
        return quantityOnHand;
    }

    public long getVersion() {
        return version;
    }

    public Instant getLastModifiedAt() {
        return lastModifiedAt;
    }
}
