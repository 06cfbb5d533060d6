package io.tandem.racks.boundary;

import io.tandem.platform.json.Bodies;
import io.tandem.racks.entity.AuditItem;
import io.tandem.racks.entity.AuditSession;
import io.tandem.platform.problem.LockContention;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Seed 002's session API: {@code /api/sessions/...}. */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class SessionsResource {

    @Inject
    RackClaims claims;

    @Inject
    AuditSync sync;

    public record Beat(Long fencingToken) {
    }

    @GET
    @Path("active")
    public List<AuditSession> active() {
        return claims.active();
    }

    @GET
    @Path("user/history")
    public List<AuditSession> history() {
        return claims.history();
    }

    @GET
    @Path("{id}")
    public AuditSession get(@PathParam("id") String id) {
        return claims.session(id);
    }

    @GET
    @Path("{id}/stats")
    public Map<String, Object> stats(@PathParam("id") String id) {
        return sync.stats(id);
    }

    @GET
    @Path("{id}/items")
    public List<AuditItem> items(@PathParam("id") String id) {
        return sync.items(id);
    }

    @POST
    @Path("{id}/heartbeat")
    public Map<String, Object> heartbeat(@PathParam("id") String id, String body) {
        Long token = body == null || body.isBlank() ? null : Bodies.read(body, Beat.class).fencingToken();
        // A heartbeat also marks the user present, whose rows a first use may race to create (see retryFirstUse).
        return LockContention.retryFirstUse("session-heartbeat", () -> claims.heartbeat(id, token));
    }

    @POST
    @Path("{id}/complete")
    public AuditSession complete(@PathParam("id") String id) {
        return claims.complete(id);
    }
}
