package io.tandem.san.boundary;

import io.tandem.platform.problem.Require;
import io.tandem.san.entity.Zone;
import jakarta.ws.rs.Path;

/** {@code /api/san/zones}: zones of a project, single and seed 000's bulk {@code save}. */
@Path("san/zones")
public class ZonesResource extends SanResource<Zone, Zone.Fields> {

    @Override
    protected String itemLabel() {
        return "zone";
    }

    @Override
    protected String collection() {
        return "zones";
    }

    @Override
    protected Class<Zone> entityType() {
        return Zone.class;
    }

    @Override
    protected Class<Zone.Fields> fieldsType() {
        return Zone.Fields.class;
    }

    @Override
    protected Zone create(Zone.Fields fields) {
        checks.zone(null, fields);
        return new Zone(fields);
    }

    @Override
    protected void apply(Zone zone, Zone.Fields fields) {
        Zone.Fields complete = new Zone.Fields(zone.getProjectId(), fields.name(), fields.fabric(), fields.members());
        Require.present("project_id", complete.projectId());
        checks.zone(zone.getId(), complete);
        zone.apply(complete);
    }
}
