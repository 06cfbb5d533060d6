package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.WorkerType;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/worker-types}: versioned worker types. */
@Path("portfolio/worker-types")
public class WorkerTypeResource extends VersionedResource<WorkerType, WorkerType.Fields> {

    @Override
    protected Class<WorkerType> entityType() {
        return WorkerType.class;
    }

    @Override
    protected Class<WorkerType.Fields> fieldsType() {
        return WorkerType.Fields.class;
    }

    @Override
    protected WorkerType create(WorkerType.Fields fields) {
        references(fields);
        return new WorkerType(fields);
    }

    @Override
    protected void apply(WorkerType entity, WorkerType.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(WorkerType.Fields fields) {
        // refers to nothing else
    }
}
