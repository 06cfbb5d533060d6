package io.tandem.racks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rack to audit. Its row is what claims lock ({@code SELECT … FOR UPDATE}), and it counts the claims ever made
 * of it: each new claim's fencing token is the next number, so a later holder always has a larger token.
 */
@Entity
@Table(name = "rack")
public class Rack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rack_code", nullable = false, unique = true, length = 64)
    private String rackCode;

    @Column(nullable = false, length = 64)
    private String floor;

    @Column(name = "claims_made", nullable = false)
    private long claimsMade;

    protected Rack() {
    }

    public Rack(String rackCode, String floor) {
        this.rackCode = rackCode;
        this.floor = floor;
    }

    public long nextFencingToken() {
        return ++claimsMade;
    }

    public Long getId() {
        return id;
    }

    public String getRackCode() {
        return rackCode;
    }

    public String getFloor() {
        return floor;
    }
}
