package io.tandem.stock.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product kept in stock (seed 003's substrates). */
@Entity
@Table(name = "product")
public class Product extends Versioned {

    public record Fields(String sku, String name) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    protected Product() {
    }

    public Product(Fields fields) {
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newSku = Require.text("sku", fields.sku(), 64).trim();
        String newName = Require.text("name", fields.name(), 200).trim();
        sku = newSku;
        name = newName;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }
}
