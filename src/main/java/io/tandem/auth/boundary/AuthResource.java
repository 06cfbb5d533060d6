package io.tandem.auth.boundary;

import io.tandem.platform.timers.Chores;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Require;
import io.tandem.platform.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Sign-in: {@code /api/auth/login}, {@code refresh}, {@code logout}, {@code me}, {@code password}. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SignIns signIns;

    @Inject
    PasswordChanges passwordChanges;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest request;

    public record Credentials(String username, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    @Path("login")
    public Response login(String body) {
        Credentials credentials = Bodies.read(body, Credentials.class);
        return noStore(signIns.login(Require.text("username", credentials.username(), 64),
                Require.text("password", credentials.password(), 1024), request.getRemoteAddr()));
    }

    @POST
    @Path("refresh")
    public Response refresh(String body) {
        return noStore(signIns.refresh(Require.text("refresh_token", Bodies.read(body, RefreshRequest.class).refreshToken(), 512)));
    }

    @POST
    @Path("logout")
    public Response logout() {
        signIns.logout(caller.get());
        return Response.noContent().build();
    }

    /** The caller's own password; their other sign-ins end, this one stays. */
    @POST
    @Path("password")
    public Response changePassword(String body) {
        PasswordChange change = Bodies.read(body, PasswordChange.class);
        passwordChanges.change(Require.text("current_password", change.currentPassword(), Passwords.MAX_LENGTH),
                change.newPassword(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    /** Forgets ended sign-ins now (the timer does it every hour); for operators. */
    @POST
    @Path("purge")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> purge() {
        return Map.of("purged", Chores.drain(signIns::purgeEndedNow));
    }

    @GET
    @Path("me")
    public UserView me() {
        var me = caller.get();
        return new UserView(me.id(), me.username(), me.firstName(), me.lastName(), me.roles().stream().sorted().toList(), null,
                null, null, null);
    }

    private static Response noStore(SignedIn signedIn) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(signedIn).cacheControl(noStore).build();
    }
}
