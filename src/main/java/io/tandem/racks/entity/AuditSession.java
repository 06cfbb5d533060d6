package io.tandem.racks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One user's audit of one rack, from claim to release. While it holds the rack's lease it is ACTIVE or PAUSED;
 * afterwards COMPLETED (released or completed) or EXPIRED (the lease lapsed or was taken over).
 */
@Entity
@Table(name = "audit_session")
public class AuditSession {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
    public static final String COMPLETED = "COMPLETED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "rack_code", nullable = false, length = 64)
    private String rackCode;

    @Column(nullable = false, length = 64)
    private String floor;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 64)
    private String username;

    /** The rack's code while this session holds its lease, else null; UNIQUE: one holder per rack, by the database. */
    @Column(name = "live_rack_code", unique = true, length = 64)
    private String liveRackCode;

    @Column(name = "fencing_token", nullable = false)
    private long fencingToken;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "lease_expires_at", nullable = false)
    private Instant leaseExpiresAt;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    private Instant lastHeartbeatAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected AuditSession() {
    }

    public AuditSession(String id, Rack rack, long userId, String username, long fencingToken, Instant now, Instant leaseExpiresAt) {
        this.id = id;
        this.rackCode = rack.getRackCode();
        this.liveRackCode = rack.getRackCode();
        this.floor = rack.getFloor();
        this.userId = userId;
        this.username = username;
        this.fencingToken = fencingToken;
        this.status = ACTIVE;
        this.startedAt = now;
        this.lastHeartbeatAt = now;
        this.leaseExpiresAt = leaseExpiresAt;
    }

    public boolean holdsLease() {
        return ACTIVE.equals(status) || PAUSED.equals(status);
    }

    public void renew(Instant now, Instant expiresAt) {
        lastHeartbeatAt = now;
        leaseExpiresAt = expiresAt;
    }

    public void pause(Instant expiresAt) {
        status = PAUSED;
        leaseExpiresAt = expiresAt;
    }

    public void resume(Instant now, Instant expiresAt) {
        status = ACTIVE;
        lastHeartbeatAt = now;
        leaseExpiresAt = expiresAt;
    }

    public void end(String finalStatus, Instant now) {
        status = finalStatus;
        liveRackCode = null;
        endedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getRackId() {
        return rackCode;
    }

    public String getFloor() {
        return floor;
    }

    public long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public long getFencingToken() {
        return fencingToken;
    }

    public String getStatus() {
        return status;
    }

    public Instant getLeaseExpiresAt() {
        return leaseExpiresAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastHeartbeatAt() {
        return lastHeartbeatAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
