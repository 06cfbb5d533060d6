package io.tandem.auth.entity;

import io.tandem.platform.versioning.Versioned;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A person who signs in; versioned, roles included. The password is only ever held as a PBKDF2 hash. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
public class User extends Versioned {

    public static final String BY_USERNAME = "User.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 16)
    private Set<String> roles = new TreeSet<>();

    protected User() {
    }

    public User(String username, String passwordHash, String firstName, String lastName, Set<String> roles,
                Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.roles = new TreeSet<>(roles);
        stamp(Objects.requireNonNull(createdAt), null, null);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    /** Never part of the user's JSON: not in answers, revisions or conflict bodies. */
    @JsonbTransient
    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    /** Sorted, so the user's JSON (and so its change history) does not depend on set order. */
    public Set<String> getRoles() {
        return new TreeSet<>(roles);
    }

    public void rename(String newFirstName, String newLastName) {
        firstName = newFirstName == null ? "" : newFirstName;
        lastName = newLastName == null ? "" : newLastName;
    }

    public void replaceRoles(Set<String> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }
}
