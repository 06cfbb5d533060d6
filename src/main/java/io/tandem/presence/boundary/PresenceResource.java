package io.tandem.presence.boundary;

import io.tandem.platform.json.Bodies;
import io.tandem.platform.versioning.ExpectedVersion;
import io.tandem.platform.versioning.VersionedResource;
import io.tandem.presence.entity.UserConfig;
import io.tandem.platform.problem.LockContention;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Seed 000's presence endpoints: {@code /api/core/heartbeat/}, {@code /api/core/active-users/}, {@code /api/core/user-config/}. */
@Path("core")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @Inject
    Presence presence;

    @POST
    @Path("heartbeat")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> heartbeat() {
        return Map.of("success", true, "last_activity", LockContention.retryFirstUse("heartbeat", presence::heartbeat));
    }

    /** Public, as in the seed. */
    @GET
    @Path("active-users")
    public Map<String, List<Map<String, Object>>> activeUsers() {
        return Map.of("active_users", presence.activeUsers());
    }

    @GET
    @Path("user-config")
    public Response config() {
        UserConfig config = LockContention.retryFirstUse("user-config", presence::config);
        return Response.ok(config).tag(new EntityTag(Long.toString(config.getVersion()))).build();
    }

    @PUT
    @Path("user-config")
    public Response changeConfig(@HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject json = Bodies.parse(body);
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, VersionedResource.versionIn(json));
        UserConfig.Fields fields = Bodies.read(json, UserConfig.Fields.class);
        UserConfig config = LockContention.retryFirstUse("user-config", () -> presence.changeConfig(expected, fields));
        return Response.ok(config).tag(new EntityTag(Long.toString(config.getVersion()))).build();
    }
}
