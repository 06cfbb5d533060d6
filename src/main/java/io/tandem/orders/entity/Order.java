package io.tandem.orders.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;

/** A customer order (seed 003); its number is unique under any concurrency. */
@Entity
@Table(name = "customer_order")
public class Order extends Versioned {

    public static final Set<String> STATUSES = Set.of("DRAFT", "CONFIRMED", "IN_PRODUCTION", "SHIPPED", "CANCELLED");

    public record Fields(String clientName, String clientContact, String product, Integer quantity, String status,
                         String notes) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_number", nullable = false, unique = true, updatable = false, length = 32)
    private String orderNumber;

    @Column(name = "client_name", nullable = false, length = 200)
    private String clientName;

    @Column(name = "client_contact", length = 200)
    private String clientContact;

    @Column(nullable = false, length = 200)
    private String product;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(length = 2000)
    private String notes;

    protected Order() {
    }

    public Order(String orderNumber, Fields fields) {
        apply(fields.status() == null ? new Fields(fields.clientName(), fields.clientContact(), fields.product(),
                fields.quantity(), "DRAFT", fields.notes()) : fields);
        this.orderNumber = orderNumber;
    }

    public final void apply(Fields fields) {
        String newClient = Require.text("client_name", fields.clientName(), 200).trim();
        String newContact = Require.optionalText("client_contact", fields.clientContact(), 200);
        String newProduct = Require.text("product", fields.product(), 200).trim();
        int newQuantity = Require.positive("quantity", fields.quantity(), 1_000_000);
        String newStatus = Require.oneOf("status", fields.status(), STATUSES);
        String newNotes = Require.optionalText("notes", fields.notes(), 2000);
        clientName = newClient;
        clientContact = newContact;
        product = newProduct;
        quantity = newQuantity;
        status = newStatus;
        notes = newNotes;
    }

    /** Seed 003's words for a stale order. */
    @Override
    public String conflictMessage(String who, String when) {
        return "Order was modified by another user. Please refresh and try again.";
    }

    public static String number(long sequence) {
        return String.format("ORD-%06d", sequence);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getClientName() {
        return clientName;
    }

    public String getClientContact() {
        return clientContact;
    }

    public String getProduct() {
        return product;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getStatus() {
        return status;
    }

    public String getNotes() {
        return notes;
    }
}
