package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A program of projects inside a portfolio. */
@Entity
@Table(name = "portfolio_program")
public class Program extends Versioned {

    public record Fields(Long portfolioId, String name, String description) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "portfolio_id", nullable = false)
    private Long portfolioId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", nullable = true, length = 2000)
    private String description;

    protected Program() {
    }

    public Program(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newPortfolioId = Require.present("portfolio_id", fields.portfolioId());
        String newName = Require.text("name", fields.name(), 200);
        String newDescription = Require.optionalText("description", fields.description(), 2000);
        portfolioId = newPortfolioId;
        name = newName;
        description = newDescription;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getPortfolioId() {
        return portfolioId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
