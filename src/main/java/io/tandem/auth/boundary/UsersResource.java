package io.tandem.auth.boundary;

import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.listing.Listing;
import io.tandem.platform.web.Page;
import jakarta.inject.Inject;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.versioning.ExpectedVersion;
import io.tandem.platform.versioning.RevisionView;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
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

    @Inject
    PasswordChanges passwordChanges;

    @Context
    UriInfo uri;

    public record RolesChange(List<String> roles, Long version) {
    }

    @POST
    public Response create(String body) {
        UserView created = users.create(Bodies.read(body, Users.NewUser.class));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    /** {@code ?q=}: only users whose username or name contains the text, so an administrator finds one among many. */
    @GET
    public Page<UserView> list(@BeanParam Page.Request page, @QueryParam("q") String q) {
        Listing.Found<UserView> found = users.list(ListQuery.of(null, q), page.offset(), page.limit());
        return Page.of(found.items(), page, found.total());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        UserView user = users.get(id);
        return Response.ok(user).tag(Long.toString(user.version())).build();
    }

    @GET
    @Path("{id}/history")
    public Page<RevisionView> history(@PathParam("id") long id, @BeanParam Page.Request page) {
        return Page.of(users.history(id, page.offset(), page.limit()), page, users.historySize(id));
    }

    public record NameChange(String firstName, String lastName, Long version) {
    }

    /** {@code {first_name, last_name, version}} (or If-Match). */
    @PUT
    @Path("{id}")
    public Response rename(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
        NameChange change = Bodies.read(body, NameChange.class);
        UserView user = users.rename(id, ExpectedVersion.of(ifMatch, change.version()), change.firstName(), change.lastName());
        return Response.ok(user).tag(Long.toString(user.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @QueryParam("version") String version) {
        users.delete(id, ExpectedVersion.fromQuery(ifMatch, version));
        return Response.noContent().build();
    }

    public record PasswordReset(String newPassword) {
    }

    /** {@code {new_password}}: every sign-in of that user ends. */
    @PUT
    @Path("{id}/password")
    public Response resetPassword(@PathParam("id") long id, String body) {
        passwordChanges.reset(id, Bodies.read(body, PasswordReset.class).newPassword());
        return Response.noContent().build();
    }

    /** {@code {roles, version}} (or If-Match): roles are part of the user's versioned state. */
    @PUT
    @Path("{id}/roles")
    public Response changeRoles(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
        RolesChange change = Bodies.read(body, RolesChange.class);
        UserView user = users.changeRoles(id, ExpectedVersion.of(ifMatch, change.version()), change.roles());
        return Response.ok(user).tag(Long.toString(user.version())).build();
    }
}
