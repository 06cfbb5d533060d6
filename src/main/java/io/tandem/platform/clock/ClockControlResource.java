package io.tandem.platform.clock;

import io.tandem.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.Map;

/**
 * Lets the integration tests move the server's clock. Answers 404 unless {@code tandem.test.clock-control=true},
 * which no production configuration sets.
 */
@Path("test/clock")
public class ClockControlResource {

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "tandem.test.clock-control", defaultValue = "false")
    boolean enabled;

    public record Offset(Long offsetSeconds) {
    }

    @GET
    @Operation(hidden = true)
    public Map<String, Object> get() {
        requireEnabled();
        return Map.of("offset_seconds", clock.offset().toSeconds(), "now", clock.instant().toString());
    }

    @PUT
    @Operation(hidden = true)
    public Map<String, Object> set(Offset body) {
        requireEnabled();
        if (body == null || body.offsetSeconds() == null) {
            throw Problem.badRequest("offset_seconds is required").field("offset_seconds").toException();
        }
        clock.offset(Duration.ofSeconds(body.offsetSeconds()));
        return get();
    }

    @DELETE
    @Operation(hidden = true)
    public Response reset() {
        requireEnabled();
        clock.offset(Duration.ZERO);
        return Response.noContent().build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw Problem.notFound("No resource at this path.").toException();
        }
    }
}
