package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.Rate;
import io.tandem.portfolio.entity.WorkerType;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/rates}: versioned rates. */
@Path("portfolio/rates")
public class RateResource extends VersionedResource<Rate, Rate.Fields> {

    @Override
    protected Class<Rate> entityType() {
        return Rate.class;
    }

    @Override
    protected Class<Rate.Fields> fieldsType() {
        return Rate.Fields.class;
    }

    @Override
    protected Rate create(Rate.Fields fields) {
        references(fields);
        return new Rate(fields);
    }

    @Override
    protected void apply(Rate entity, Rate.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(Rate.Fields fields) {
        store.reference(WorkerType.class, fields.workerTypeId(), "worker_type_id");
    }
}
