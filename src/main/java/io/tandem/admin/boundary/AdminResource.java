package io.tandem.admin.boundary;

import io.tandem.platform.versioning.ConflictCount;
import io.tandem.platform.versioning.ConflictCounts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code /api/admin}: what the administrators' monitoring screen reads (ADMIN). */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    ConflictCounts conflictCounts;

    /** Version conflicts per entity type, most first. */
    public record Conflicts(List<ConflictCount> conflicts) {
    }

    @GET
    @Path("conflicts")
    public Conflicts conflicts() {
        return new Conflicts(conflictCounts.all());
    }
}
