package io.tandem.core.boundary;

import io.tandem.core.entity.Customer;
import io.tandem.core.entity.Project;
import io.tandem.platform.versioning.VersionedResource;
import jakarta.ws.rs.Path;

import java.util.Map;

/** {@code /api/core/projects}: versioned projects, each of one customer ({@code ?customer_id=} lists one's). */
@Path("core/projects")
public class ProjectsResource extends VersionedResource<Project, Project.Fields> {

    /** All of them, or one customer's with {@code ?customer_id=}. */
    @Override
    protected Map<String, Object> scope() {
        return scopeBy("customer_id", "customerId");
    }

    @Override
    protected Class<Project> entityType() {
        return Project.class;
    }

    @Override
    protected Class<Project.Fields> fieldsType() {
        return Project.Fields.class;
    }

    @Override
    protected Project create(Project.Fields fields) {
        requireCustomer(fields);
        return new Project(fields);
    }

    @Override
    protected void apply(Project project, Project.Fields fields) {
        requireCustomer(fields);
        project.apply(fields);
    }

    private void requireCustomer(Project.Fields fields) {
        store.reference(Customer.class, fields.customerId(), "customer_id");
    }
}
