package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Gives a user a role on a portfolio, program or project. */
@Entity
@Table(name = "portfolio_scope_assignment")
public class ScopeAssignment extends Versioned {

    public record Fields(Integer userId, String scopeType, Integer scopeId, String role) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "scope_type", nullable = false, length = 16)
    private String scopeType;

    @Column(name = "scope_id", nullable = false)
    private Integer scopeId;

    @Column(name = "role", nullable = false, length = 32)
    private String role;

    protected ScopeAssignment() {
    }

    public ScopeAssignment(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Integer newUserId = Require.range("user_id", fields.userId(), 1, 2000000000);
        String newScopeType = Require.text("scope_type", fields.scopeType(), 16);
        Integer newScopeId = Require.range("scope_id", fields.scopeId(), 1, 2000000000);
        String newRole = Require.text("role", fields.role(), 32);
        userId = newUserId;
        scopeType = newScopeType;
        scopeId = newScopeId;
        role = newRole;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Integer getUserId() {
        return userId;
    }

    public String getScopeType() {
        return scopeType;
    }

    public Integer getScopeId() {
        return scopeId;
    }

    public String getRole() {
        return role;
    }
}
