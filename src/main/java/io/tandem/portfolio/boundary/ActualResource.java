package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.Actual;
import io.tandem.portfolio.entity.PlannedProject;
import io.tandem.portfolio.entity.Worker;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/actuals}: versioned actuals. */
@Path("portfolio/actuals")
public class ActualResource extends VersionedResource<Actual, Actual.Fields> {

    @Override
    protected Class<Actual> entityType() {
        return Actual.class;
    }

    @Override
    protected Class<Actual.Fields> fieldsType() {
        return Actual.Fields.class;
    }

    @Override
    protected Actual create(Actual.Fields fields) {
        references(fields);
        return new Actual(fields);
    }

    @Override
    protected void apply(Actual entity, Actual.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(Actual.Fields fields) {
        store.reference(PlannedProject.class, fields.projectId(), "project_id");
        store.reference(Worker.class, fields.workerId(), "worker_id");
    }
}
