package io.tandem.storage.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.storage.entity.StorageSystem;
import io.tandem.platform.json.Bodies;
import io.tandem.storage.entity.Host;
import io.tandem.storage.entity.Volume;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** {@code /api/storage}: storage systems; a stale write answers seed 000's conflict body. */
@Path("storage")
public class StorageResource extends VersionedResource<StorageSystem, StorageSystem.Fields> {

    @Inject
    StorageImports imports;

    /** Imports hosts and volumes; idempotent on their external ids. */
    @POST
    @Path("{id}/import")
    public StorageImports.Summary importInventory(@PathParam("id") long id, String body) {
        return imports.importInventory(id, Bodies.read(body, StorageImports.Document.class));
    }

    @GET
    @Path("{id}/hosts")
    public List<Host> hosts(@PathParam("id") long id) {
        return imports.hosts(id);
    }

    @GET
    @Path("{id}/volumes")
    public List<Volume> volumes(@PathParam("id") long id) {
        return imports.volumes(id);
    }

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
