package io.tandem.racks.boundary;

import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.LockContention;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.racks.entity.AuditSession;
import io.tandem.racks.entity.Floor;
import io.tandem.racks.entity.Rack;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 002's rack API: {@code /api/racks/...}. */
@Path("racks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RacksResource {

    @Inject
    RackClaims claims;

    public record NewFloor(String name) {
    }

    public record NewRack(String rackId, String floor) {
    }

    public record ClaimRequest(String floor) {
    }

    /** Who is acting on the claim: the session and its fencing token (both optional for the rack's own holder). */
    public record UnderClaim(String sessionId, Long fencingToken) {
    }

    @POST
    @Path("floors")
    public Response createFloor(String body) {
        NewFloor floor = Bodies.read(body, NewFloor.class);
        return Response.status(201).entity(claims.createFloor(Require.text("name", floor.name(), 64).trim())).build();
    }

    @GET
    @Path("floors")
    public List<Floor> floors() {
        return claims.floors();
    }

    @POST
    public Response createRack(String body) {
        NewRack rack = Bodies.read(body, NewRack.class);
        Rack created = claims.createRack(Require.text("rack_id", rack.rackId(), 64).trim(), Require.text("floor", rack.floor(), 64).trim());
        return Response.status(201).entity(Map.of("rack_id", created.getRackCode(), "floor", created.getFloor())).build();
    }

    /** {@code [{item_code, expected_qty}, ...]}: sets the items expected on the rack. */
    @POST
    @Path("{rack_id}/items")
    public Map<String, Object> setItems(@PathParam("rack_id") String rackId, String body) {
        JsonValue parsed = Bodies.parseAny(body);
        if (parsed.getValueType() != JsonValue.ValueType.ARRAY || parsed.asJsonArray().size() > 10_000) {
            throw Problem.badRequest("Send a JSON list of at most 10000 {item_code, expected_qty}.").toException();
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (JsonValue value : parsed.asJsonArray()) {
            JsonObject item = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
            if (item == null || item.get("item_code") == null || item.get("item_code").getValueType() != JsonValue.ValueType.STRING) {
                throw Problem.badRequest("Every item needs an item_code.").field("item_code").toException();
            }
            String code = Require.text("item_code", item.getString("item_code"), 128).trim();
            Long qty = Require.present("expected_qty", Bodies.whole(item.get("expected_qty"), "expected_qty", 0, 1_000_000));
            expected.put(code, qty.intValue());
        }
        return Map.of("rack_id", rackId, "items", claims.setItems(rackId, expected));
    }

    @GET
    @Path("available")
    public List<Map<String, Object>> available(@QueryParam("floor") String floor) {
        return claims.available(floor == null || floor.isBlank() ? null : floor);
    }

    @GET
    @Path("{rack_id}/status")
    public Map<String, Object> status(@PathParam("rack_id") String rackId) {
        return claims.status(rackId);
    }

    @GET
    @Path("user/active")
    public List<AuditSession> mine() {
        return claims.mine();
    }

    @POST
    @Path("{rack_id}/claim")
    public RackClaims.Claimed claim(@PathParam("rack_id") String rackId, String body) {
        ClaimRequest request = body == null || body.isBlank() ? new ClaimRequest(null) : Bodies.read(body, ClaimRequest.class);
        // Claims insert into a UNIQUE index, which under InnoDB can deadlock with a concurrent release; retry.
        return LockContention.retry("claim", () -> claims.claim(rackId, request.floor()));
    }

    @POST
    @Path("{rack_id}/pause")
    public AuditSession pause(@PathParam("rack_id") String rackId, String body) {
        UnderClaim who = underClaim(body);
        return LockContention.retry("pause", () -> claims.pause(rackId, who.sessionId(), who.fencingToken()));
    }

    @POST
    @Path("{rack_id}/resume")
    public AuditSession resume(@PathParam("rack_id") String rackId, String body) {
        UnderClaim who = underClaim(body);
        return LockContention.retry("resume", () -> claims.resume(rackId, who.sessionId(), who.fencingToken()));
    }

    @POST
    @Path("{rack_id}/release")
    public AuditSession release(@PathParam("rack_id") String rackId, String body) {
        UnderClaim who = underClaim(body);
        return LockContention.retry("release", () -> claims.release(rackId, who.sessionId(), who.fencingToken()));
    }

    private static UnderClaim underClaim(String body) {
        return body == null || body.isBlank() ? new UnderClaim(null, null) : Bodies.read(body, UnderClaim.class);
    }
}
