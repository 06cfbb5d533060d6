package io.tandem.portfolio.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A worker type's price per hour from a date on, in cents. */
@Entity
@Table(name = "portfolio_rate")
public class Rate extends Versioned {

    public record Fields(Long workerTypeId, Integer amountCents, String currency, LocalDate validFrom) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "worker_type_id", nullable = false)
    private Long workerTypeId;

    @Column(name = "amount_cents", nullable = false)
    private Integer amountCents;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    protected Rate() {
    }

    public Rate(Fields fields) {
        apply(fields);
    }

    /** Validates every field before changing any. */
    public final void apply(Fields fields) {
        Long newWorkerTypeId = Require.present("worker_type_id", fields.workerTypeId());
        Integer newAmountCents = Require.range("amount_cents", fields.amountCents(), 0, 100000000);
        String newCurrency = Require.text("currency", fields.currency(), 3);
        LocalDate newValidFrom = Require.present("valid_from", fields.validFrom());
        workerTypeId = newWorkerTypeId;
        amountCents = newAmountCents;
        currency = newCurrency;
        validFrom = newValidFrom;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getWorkerTypeId() {
        return workerTypeId;
    }

    public Integer getAmountCents() {
        return amountCents;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }
}
