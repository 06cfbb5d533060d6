package io.tandem.employees.boundary;

import io.tandem.employees.entity.Employee;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Require;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code /api/employees}: employee profiles with leave balances and hourly rate. */
@Path("employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployeesResource {

    @Inject
    Employees employees;

    public record Rate(Long hourlyRateCents) {
    }

    @POST
    public Response create(String body) {
        Employees.NewEmployee request = Require.body(Bodies.read(body, Employees.NewEmployee.class));
        return Response.status(201).entity(employees.create(request)).build();
    }

    /** Managers only. */
    @GET
    public List<Employee> list() {
        return employees.list();
    }

    /** Users without an employee profile, for a manager setting one up (managers may not list users). */
    @GET
    @Path("candidates")
    public List<Employees.Candidate> candidates() {
        return employees.candidates();
    }

    @GET
    @Path("me")
    public Employee mine() {
        return employees.mine();
    }

    @GET
    @Path("{id}")
    public Employee get(@PathParam("id") long id) {
        return employees.visible(id);
    }

    @PUT
    @Path("{id}/hourly-rate")
    public Employee setRate(@PathParam("id") long id, String body) {
        return employees.setHourlyRate(id, Bodies.read(body, Rate.class).hourlyRateCents());
    }
}
