package io.tandem.stock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Stock taken for an order (or for nothing in particular). Released at most once. */
@Entity
@Table(name = "stock_allocation")
public class Allocation {

    public static final String ALLOCATED = "ALLOCATED";
    public static final String RELEASED = "RELEASED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false, length = 36, updatable = false)
    private String batchId;

    @Column(name = "stock_id", nullable = false, updatable = false)
    private Long stockId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    @Column(nullable = false, updatable = false)
    private long quantity;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 64, updatable = false)
    private String createdBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_by", length = 64)
    private String releasedBy;

    protected Allocation() {
    }

    public Allocation(String batchId, Stock stock, long quantity, Long orderId, Instant now, String by) {
        this.batchId = batchId;
        this.stockId = stock.getId();
        this.productId = stock.getProductId();
        this.clientId = stock.getClientId();
        this.quantity = quantity;
        this.orderId = orderId;
        this.status = ALLOCATED;
        this.createdAt = now;
        this.createdBy = by;
    }

    public Long getId() {
        return id;
    }

    public String getBatchId() {
        return batchId;
    }

    public Long getStockId() {
        return stockId;
    }

    public Long getProductId() {
        return productId;
    }

    public Long getClientId() {
        return clientId;
    }

    public long getQuantity() {
        return quantity;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getReleasedBy() {
        return releasedBy;
    }
}
