package io.tandem.auth.boundary;

import io.tandem.platform.web.Page;
import jakarta.inject.Inject;
import io.tandem.platform.problem.Require;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.List;

/** User administration (ADMIN): {@code /api/users}. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Context
    UriInfo uri;

    public record RolesChange(List<String> roles) {
    }

    @POST
    public Response create(Users.NewUser body) {
        UserView created = users.create(Require.body(body));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    public Page<UserView> list(@BeanParam Page.Request page) {
        return Page.of(users.list(page.offset(), page.limit()), page, users.count());
    }

    @PUT
    @Path("{id}/roles")
    public UserView changeRoles(@PathParam("id") long id, RolesChange body) {
        return users.changeRoles(id, Require.body(body).roles());
    }
}
