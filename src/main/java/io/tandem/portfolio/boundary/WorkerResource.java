package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.Worker;
import io.tandem.portfolio.entity.WorkerType;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/workers}: versioned workers. */
@Path("portfolio/workers")
public class WorkerResource extends VersionedResource<Worker, Worker.Fields> {

    @Override
    protected Class<Worker> entityType() {
        return Worker.class;
    }

    @Override
    protected Class<Worker.Fields> fieldsType() {
        return Worker.Fields.class;
    }

    @Override
    protected Worker create(Worker.Fields fields) {
        references(fields);
        return new Worker(fields);
    }

    @Override
    protected void apply(Worker entity, Worker.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(Worker.Fields fields) {
        store.reference(WorkerType.class, fields.workerTypeId(), "worker_type_id");
    }
}
