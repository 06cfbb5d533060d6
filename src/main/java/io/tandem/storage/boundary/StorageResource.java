package io.tandem.storage.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.storage.entity.StorageSystem;
import jakarta.ws.rs.Path;

/** {@code /api/storage}: storage systems; a stale write answers seed 000's conflict body. */
@Path("storage")
public class StorageResource extends VersionedResource<StorageSystem, StorageSystem.Fields> {

    @Override
    protected Class<StorageSystem> entityType() {
        return StorageSystem.class;
    }

    @Override
    protected Class<StorageSystem.Fields> fieldsType() {
        return StorageSystem.Fields.class;
    }

    @Override
    protected StorageSystem create(StorageSystem.Fields fields) {
        return new StorageSystem(fields);
    }

    @Override
    protected void apply(StorageSystem storage, StorageSystem.Fields fields) {
        storage.apply(fields);
    }
}
