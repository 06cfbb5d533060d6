package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.PlanningResource;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/resources}: versioned planning resources. */
@Path("portfolio/resources")
public class PlanningResourceResource extends VersionedResource<PlanningResource, PlanningResource.Fields> {

    @Override
    protected Class<PlanningResource> entityType() {
        return PlanningResource.class;
    }

    @Override
    protected Class<PlanningResource.Fields> fieldsType() {
        return PlanningResource.Fields.class;
    }

    @Override
    protected PlanningResource create(PlanningResource.Fields fields) {
        references(fields);
        return new PlanningResource(fields);
    }

    @Override
    protected void apply(PlanningResource entity, PlanningResource.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(PlanningResource.Fields fields) {
        // refers to nothing else
    }
}
