package io.tandem.platform.clock;

import io.tandem.platform.Roles;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.Map;

/**
 * Lets the integration tests move the server's clock (ADMIN only). Answers 404 unless
 * {@code tandem.test.clock-control=true}, which no production configuration sets; while it is on, every start
 * logs a warning ({@link ClockControlWarning}).
 */
@Path("test/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockControlResource {

    @Inject
    ServerClock clock;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "tandem.test.clock-control", defaultValue = "false")
    boolean enabled;

    public record Offset(Long offsetSeconds) {
    }

    @GET
    @Operation(hidden = true)
    public Map<String, Object> get() {
        requireEnabled();
        return Map.of("offset_seconds", clock.offset().toSeconds(), "frozen", clock.frozen(),
                "now", clock.instant().toString());
    }

    /** Stops the clock at the moment it was first moved plus {@code offset_seconds}. */
    @PUT
    @Operation(hidden = true)
    public Map<String, Object> set(String body) {
        requireEnabled();
        Long seconds = Bodies.read(body, Offset.class).offsetSeconds();
        long tenYears = Duration.ofDays(3650).toSeconds();
        if (seconds == null || seconds < -tenYears || seconds > tenYears) {
            throw Problem.badRequest("offset_seconds is required (at most ten years either way).")
                    .field("offset_seconds").toException();
        }
        clock.offset(Duration.ofSeconds(seconds));
        return get();
    }

    @DELETE
    @Operation(hidden = true)
    public Response reset() {
        requireEnabled();
        clock.reset();
        return Response.noContent().build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw Problem.notFound("No resource at this path.").toException();
        }
        if (!caller.get().hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only an administrator may move the clock.").toException();
        }
    }
}
