package io.tandem.core.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer the SAN and storage work is done for (seed 000's "active customer"). */
@Entity
@Table(name = "customer")
public class Customer extends Versioned {

    /** What a client may set. */
    public record Fields(String name, String contactEmail, String notes) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "contact_email", length = 200)
    private String contactEmail;

    @Column(length = 2000)
    private String notes;

    protected Customer() {
    }

    public Customer(Fields fields) {
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200);
        String newEmail = Require.optionalText("contact_email", fields.contactEmail(), 200);
        String newNotes = Require.optionalText("notes", fields.notes(), 2000);
        this.name = newName.trim();
        this.contactEmail = newEmail;
        this.notes = newNotes;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getNotes() {
        return notes;
    }
}
