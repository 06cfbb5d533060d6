package io.tandem.racks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** What a session found for one item code: the newest record synced for it (by the client's updated_at). */
@Entity
@Table(name = "audit_item")
public class AuditItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, length = 64)
    private String sessionId;

    @Column(name = "item_code", nullable = false, length = 128)
    private String itemCode;

    @Column(name = "verified_qty", nullable = false)
    private int verifiedQty;

    @Column(name = "damage_qty", nullable = false)
    private int damageQty;

    @Lob
    @Column(name = "serial_numbers", nullable = false)
    private String serialNumbers;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "client_record_id", nullable = false, length = 128)
    private String clientRecordId;

    @Column(name = "client_updated_at", nullable = false)
    private Instant clientUpdatedAt;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected AuditItem() {
    }

    public AuditItem(String sessionId, String itemCode) {
        this.sessionId = sessionId;
        this.itemCode = itemCode;
    }

    public void record(String clientRecordId, int verifiedQty, int damageQty, String serialNumbers, String status,
                       Instant clientUpdatedAt, Instant now) {
        this.clientRecordId = clientRecordId;
        this.verifiedQty = verifiedQty;
        this.damageQty = damageQty;
        this.serialNumbers = serialNumbers;
        this.status = status;
        this.clientUpdatedAt = clientUpdatedAt;
        this.syncedAt = now;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public int getVerifiedQty() {
        return verifiedQty;
    }

    public int getDamageQty() {
        return damageQty;
    }

    public String getSerialNumbers() {
        return serialNumbers;
    }

    public String getStatus() {
        return status;
    }

    public String getClientRecordId() {
        return clientRecordId;
    }

    public Instant getClientUpdatedAt() {
        return clientUpdatedAt;
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }
}
