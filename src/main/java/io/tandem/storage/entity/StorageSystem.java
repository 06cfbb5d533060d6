package io.tandem.storage.entity;

import io.tandem.platform.problem.Require;
import io.tandem.platform.versioning.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A storage array (seed 000/001 "storage system"); hosts and volumes are imported into it. */
@Entity
@Table(name = "storage_system")
public class StorageSystem extends Versioned {

    public record Fields(String name, String vendor, String model, String serialNumber, String location, String notes) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 100)
    private String vendor;

    @Column(length = 100)
    private String model;

    @Column(name = "serial_number", length = 100)
    private String serialNumber;

    @Column(length = 200)
    private String location;

    @Column(length = 2000)
    private String notes;

    protected StorageSystem() {
    }

    public StorageSystem(Fields fields) {
        apply(fields);
    }

    public final void apply(Fields fields) {
        String newName = Require.text("name", fields.name(), 200).trim();
        String newVendor = Require.optionalText("vendor", fields.vendor(), 100);
        String newModel = Require.optionalText("model", fields.model(), 100);
        String newSerial = Require.optionalText("serial_number", fields.serialNumber(), 100);
        String newLocation = Require.optionalText("location", fields.location(), 200);
        String newNotes = Require.optionalText("notes", fields.notes(), 2000);
        name = newName;
        vendor = newVendor;
        model = newModel;
        serialNumber = newSerial;
        location = newLocation;
        notes = newNotes;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getVendor() {
        return vendor;
    }

    public String getModel() {
        return model;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getLocation() {
        return location;
    }

    public String getNotes() {
        return notes;
    }
}
