package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who books actuals. */
@Entity
@Table(name = "portfolio_worker")
public class Worker extends Versioned {

    public record Fields(Long workerTypeId, String name, String email) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "worker_type_id", nullable = false)
    private Long workerTypeId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "email", nullable = true, length = 200)
    private String email;

    protected Worker() {
    }

    public Worker(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newWorkerTypeId = Require.present("worker_type_id", fields.workerTypeId());
        String newName = Require.text("name", fields.name(), 200);
        String newEmail = Require.optionalText("email", fields.email(), 200);
        workerTypeId = newWorkerTypeId;
        name = newName;
        email = newEmail;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getWorkerTypeId() {
        return workerTypeId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }
}
