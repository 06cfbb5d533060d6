package io.tandem.san.boundary;

import io.tandem.core.entity.Project;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.versioning.VersionedStore;
import io.tandem.san.entity.Alias;
import io.tandem.san.entity.Zone;
import io.tandem.storage.entity.Host;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** The SAN rules that need the database: names unique per fabric, members and hosts that exist. */
@ApplicationScoped
public class SanChecks {

    @Inject
    VersionedStore store;

    public void alias(Long id, Alias.Fields fields) {
        store.reference(Project.class, fields.projectId(), "project_id");
        if (fields.hostId() != null) {
            store.reference(Host.class, fields.hostId(), "host_id");
        }
        uniqueName(Alias.class, "alias", id, fields.projectId(), fields.fabric(), fields.name());
    }

    public void zone(Long id, Zone.Fields fields) {
        store.reference(Project.class, fields.projectId(), "project_id");
        uniqueName(Zone.class, "zone", id, fields.projectId(), fields.fabric(), fields.name());
        for (Long member : fields.members() == null ? List.<Long>of() : fields.members()) {
            Alias alias = store.reference(Alias.class, member, "members");
            if (!alias.getProjectId().equals(fields.projectId()) || !alias.getFabric().equals(fields.fabric())) {
                throw Problem.badRequest("Member " + member + " is not an alias of this project in fabric " + fields.fabric() + ".")
                        .field("members").toException();
            }
        }
    }

    private void uniqueName(Class<? extends io.tandem.platform.versioning.Versioned> type, String noun, Long id,
                            Long projectId, String fabric, String name) {
        if (name != null && fabric != null && store.exists(type, id,
                Map.of("projectId", projectId, "fabric", fabric.trim(), "name", name.trim()))) {
            throw Problem.badRequest("A" + (noun.startsWith("a") ? "n " : " ") + noun + " named '" + name.trim()
                    + "' already exists in fabric " + fabric.trim() + ".").field("name").toException();
        }
    }
}
