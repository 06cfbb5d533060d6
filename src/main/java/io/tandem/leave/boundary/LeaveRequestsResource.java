package io.tandem.leave.boundary;

import io.tandem.leave.entity.LeaveRequest;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Require;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code /api/leave-requests}: request leave; managers approve or reject; the employee cancels. */
@Path("leave-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaveRequestsResource {

    @Inject
    LeaveRequests requests;

    @POST
    public Response create(String body) {
        LeaveRequests.NewRequest request = Require.body(Bodies.read(body, LeaveRequests.NewRequest.class));
        return Response.status(201).entity(requests.create(request)).build();
    }

    @GET
    public List<LeaveRequest> list(@QueryParam("status") String status) {
        return requests.list(status);
    }

    @GET
    @Path("{id}")
    public LeaveRequest get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @POST
    @Path("{id}/approve")
    public LeaveRequest approve(@PathParam("id") long id) {
        return requests.approve(id);
    }

    @POST
    @Path("{id}/reject")
    public LeaveRequest reject(@PathParam("id") long id) {
        return requests.reject(id);
    }

    @POST
    @Path("{id}/cancel")
    public LeaveRequest cancel(@PathParam("id") long id) {
        return requests.cancel(id);
    }
}
