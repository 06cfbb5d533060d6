package io.tandem.core.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's project; SAN zones and aliases belong to one. */
@Entity
@Table(name = "project")
public class Project extends Versioned {

    public record Fields(Long customerId, String name, String description) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    protected Project() {
    }

    public Project(Fields fields) {
        apply(fields);
    }

    /** The customer must exist; the resource checks that before calling this. */
    public final void apply(Fields fields) {
        Long newCustomer = Require.present("customer_id", fields.customerId());
        String newName = Require.text("name", fields.name(), 200).trim();
        String newDescription = Require.optionalText("description", fields.description(), 2000);
        this.customerId = newCustomer;
        this.name = newName;
        this.description = newDescription;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
