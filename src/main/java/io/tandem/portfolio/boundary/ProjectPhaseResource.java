package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.ProjectPhase;
import io.tandem.portfolio.entity.PlannedProject;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/project-phases}: versioned project phases. */
@Path("portfolio/project-phases")
public class ProjectPhaseResource extends VersionedResource<ProjectPhase, ProjectPhase.Fields> {

    @Override
    protected Class<ProjectPhase> entityType() {
        return ProjectPhase.class;
    }

    @Override
    protected Class<ProjectPhase.Fields> fieldsType() {
        return ProjectPhase.Fields.class;
    }

    @Override
    protected ProjectPhase create(ProjectPhase.Fields fields) {
        references(fields);
        return new ProjectPhase(fields);
    }

    @Override
    protected void apply(ProjectPhase entity, ProjectPhase.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(ProjectPhase.Fields fields) {
        store.reference(PlannedProject.class, fields.projectId(), "project_id");
    }
}
