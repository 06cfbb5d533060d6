package io.tandem.san.boundary;

import io.tandem.platform.problem.Require;
import io.tandem.san.entity.Alias;
import jakarta.ws.rs.Path;

/** {@code /api/san/aliases}: aliases of a project, single and seed 000's bulk {@code save}; assigning a host is a versioned update. */
@Path("san/aliases")
public class AliasesResource extends SanResource<Alias, Alias.Fields> {

    @Override
    protected String itemLabel() {
        return "alias";
    }

    @Override
    protected String collection() {
        return "aliases";
    }

    @Override
    protected Class<Alias> entityType() {
        return Alias.class;
    }

    @Override
    protected Class<Alias.Fields> fieldsType() {
        return Alias.Fields.class;
    }

    @Override
    protected Alias create(Alias.Fields fields) {
        checks.alias(null, fields);
        return new Alias(fields);
    }

    @Override
    protected void apply(Alias alias, Alias.Fields fields) {
        Alias.Fields complete = new Alias.Fields(alias.getProjectId(), fields.name(), fields.wwpn(), fields.fabric(), fields.hostId());
        Require.present("project_id", complete.projectId());
        checks.alias(alias.getId(), complete);
        alias.apply(complete);
    }
}
