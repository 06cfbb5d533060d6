package io.tandem.leave.boundary;

import io.tandem.leave.entity.LeaveRequest;
import io.tandem.platform.idempotency.Idempotency;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Require;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    @Inject
    Idempotency idempotency;

    /** With an Idempotency-Key, a double click or a retry after a lost answer makes one request, not two. */
    @POST
    public Response create(@HeaderParam(Idempotency.HEADER) String key, String body) {
        LeaveRequests.NewRequest request = Require.body(Bodies.read(body, LeaveRequests.NewRequest.class));
        return idempotency.run(key, body, () -> Response.status(201).entity(requests.create(request)).build());
    }

    /** Oldest first, at most 500; {@code ?status=} and {@code ?employee_id=} filter. Employees see only their own. */
    @GET
    public List<LeaveRequest> list(@QueryParam("status") String status, @QueryParam("employee_id") String employeeId) {
        return requests.list(status, employeeId == null || employeeId.isBlank() ? null : Require.wholeNumber("employee_id", employeeId));
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
