package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.PlannedProject;
import io.tandem.portfolio.entity.Program;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/projects}: versioned planned projects. */
@Path("portfolio/projects")
public class PlannedProjectResource extends VersionedResource<PlannedProject, PlannedProject.Fields> {

    @Override
    protected Class<PlannedProject> entityType() {
        return PlannedProject.class;
    }

    @Override
    protected Class<PlannedProject.Fields> fieldsType() {
        return PlannedProject.Fields.class;
    }

    @Override
    protected PlannedProject create(PlannedProject.Fields fields) {
        references(fields);
        return new PlannedProject(fields);
    }

    @Override
    protected void apply(PlannedProject entity, PlannedProject.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(PlannedProject.Fields fields) {
        store.reference(Program.class, fields.programId(), "program_id");
    }
}
