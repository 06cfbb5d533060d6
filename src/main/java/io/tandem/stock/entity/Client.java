package io.tandem.stock.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client whose stock is held (stock is kept per product and client, as in seed 003). */
@Entity
@Table(name = "stock_client")
public class Client extends Versioned {

    public record Fields(String name, String contact) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 200)
    private String contact;

    protected Client() {
    }

    public Client(Fields fields) {
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200).trim();
        String newContact = Require.optionalText("contact", fields.contact(), 200);
        name = newName;
        contact = newContact;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContact() {
        return contact;
    }
}
