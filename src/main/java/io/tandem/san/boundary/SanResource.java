package io.tandem.san.boundary;

import io.tandem.platform.versioning.BulkSave;
import io.tandem.platform.versioning.Versioned;
import io.tandem.platform.versioning.VersionedResource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * What zones and aliases share: they belong to a project ({@code ?project_id=} filters the list) and are saved
 * in bulk the way seed 000 describes ({@code POST …/save} with {@code {project_id, zones|aliases: [...]}}).
 */
public abstract class SanResource<T extends Versioned, F> extends VersionedResource<T, F> {

    @Inject
    SanChecks checks;

    @Inject
    BulkSave bulk;

    /** "zone" or "alias": the item's key in the seed's {@code details}. */
    protected abstract String itemLabel();

    /** "zones" or "aliases": the request's and the answer's list. */
    protected abstract String collection();

    /** All of them, or those of one project with {@code ?project_id=}. */
    @Override
    protected Map<String, Object> scope() {
        return scopeBy("project_id", "projectId");
    }

    /** New items (no id) and updates (id + version), each checked and saved on its own. */
    @POST
    @Path("save")
    public Response save(String body) {
        JsonObject request = parse(body);
        long projectId = SanBodies.projectId(request);
        BulkSave.Outcome<T> outcome = bulk.save(entityType(), itemLabel(), SanBodies.items(request, collection(), projectId),
                fieldsType(), this::create, this::apply);
        return outcome.toResponse(collection(), "Some " + collection() + " could not be saved.", uri.getRequestUri().getPath());
    }
}
