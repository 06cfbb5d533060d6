package io.tandem.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A secret the server generated for itself (the token signing key when none is configured). */
@Entity
@Table(name = "server_secret")
public class ServerSecret {

    @Id
    @Column(length = 32)
    private String name;

    @Column(nullable = false, length = 128)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ServerSecret() {
    }

    public ServerSecret(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public String getSecret() {
        return secret;
    }
}
