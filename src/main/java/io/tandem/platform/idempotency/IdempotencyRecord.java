package io.tandem.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The first answer to a request sent with an {@code Idempotency-Key}, kept to answer its retries. The row is
 * inserted and answered in the request's own transaction, so a committed row always has its answer.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    /** Keys are per user: two users may happen to pick the same key. */
    public static class Key implements Serializable {
        private long userId;
        private String idempotencyKey;

        public Key() {
        }

        public Key(long userId, String idempotencyKey) {
            this.userId = userId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.userId == userId && key.idempotencyKey.equals(idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, idempotencyKey);
        }
    }

    @Id
    @Column(name = "user_id")
    private long userId;

    @Id
    @Column(name = "idempotency_key", length = 128)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "status")
    private Integer status;

    @Lob
    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(long userId, String idempotencyKey, String requestHash, Instant createdAt) {
        this.userId = userId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    String requestHash() {
        return requestHash;
    }

    Integer status() {
        return status;
    }

    String responseBody() {
        return responseBody;
    }

    void complete(int status, String body) {
        this.status = status;
        this.responseBody = body;
    }
}
