package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.ScopeAssignment;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/scope-assignments}: versioned scope assignments. */
@Path("portfolio/scope-assignments")
public class ScopeAssignmentResource extends VersionedResource<ScopeAssignment, ScopeAssignment.Fields> {

    @Override
    protected Class<ScopeAssignment> entityType() {
        return ScopeAssignment.class;
    }

    @Override
    protected Class<ScopeAssignment.Fields> fieldsType() {
        return ScopeAssignment.Fields.class;
    }

    @Override
    protected ScopeAssignment create(ScopeAssignment.Fields fields) {
        references(fields);
        return new ScopeAssignment(fields);
    }

    @Override
    protected void apply(ScopeAssignment entity, ScopeAssignment.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(ScopeAssignment.Fields fields) {
        // refers to nothing else
    }
}
