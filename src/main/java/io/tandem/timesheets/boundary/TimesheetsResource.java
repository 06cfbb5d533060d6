package io.tandem.timesheets.boundary;

import io.tandem.platform.idempotency.Idempotency;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Require;
import io.tandem.platform.web.Page;
import io.tandem.timesheets.entity.PayrollCalculation;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

/** {@code /api/timesheets}: weeks of hours; submit, approve (with payroll) or reject. */
@Path("timesheets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimesheetsResource {

    @Inject
    Timesheets timesheets;

    @Inject
    Idempotency idempotency;

    /** With an Idempotency-Key, a double click or a retry after a lost answer creates one week, not two. */
    @POST
    public Response create(@HeaderParam(Idempotency.HEADER) String key, String body) {
        Timesheets.NewTimesheet request = Require.body(Bodies.read(body, Timesheets.NewTimesheet.class));
        return idempotency.run(key, body, () ->
                Response.status(201).entity(timesheets.get(timesheets.create(request).getId())).build());
    }

    /** Newest first; {@code ?status=} and {@code ?employee_id=} filter. Employees see only their own. */
    @GET
    public Page<Timesheets.View> list(@QueryParam("status") String status, @QueryParam("employee_id") String employeeId,
                                      @BeanParam Page.Request page) {
        Long employee = employeeId == null || employeeId.isBlank() ? null : Require.wholeNumber("employee_id", employeeId);
        return Page.of(timesheets.list(status, employee, page.offset(), page.limit()), page, timesheets.count(status, employee));
    }

    @GET
    @Path("{id}")
    public Timesheets.View get(@PathParam("id") long id) {
        return timesheets.get(id);
    }

    @GET
    @Path("{id}/payroll")
    public List<PayrollCalculation> payroll(@PathParam("id") long id) {
        timesheets.get(id);
        return timesheets.payrollFor(id);
    }

    @POST
    @Path("{id}/submit")
    public Timesheets.View submit(@PathParam("id") long id) {
        return timesheets.submit(id);
    }

    @POST
    @Path("{id}/approve")
    public Timesheets.View approve(@PathParam("id") long id) {
        return timesheets.approve(id);
    }

    @POST
    @Path("{id}/reject")
    public Timesheets.View reject(@PathParam("id") long id) {
        return timesheets.reject(id);
    }
}
