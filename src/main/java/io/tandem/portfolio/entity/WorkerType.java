package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of worker, priced by rates. */
@Entity
@Table(name = "portfolio_worker_type")
public class WorkerType extends Versioned {

    public record Fields(String name, String description) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", nullable = true, length = 2000)
    private String description;

    protected WorkerType() {
    }

    public WorkerType(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200);
        String newDescription = Require.optionalText("description", fields.description(), 2000);
        name = newName;
        description = newDescription;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
