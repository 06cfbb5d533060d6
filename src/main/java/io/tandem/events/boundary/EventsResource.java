package io.tandem.events.boundary;

import io.tandem.platform.Roles;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import io.tandem.platform.security.Caller;
import io.tandem.platform.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/events}: the live change stream (Server-Sent Events) of versioned-entity changes, presence and
 * rack claims. Open it with {@code ?ticket=} from {@code POST /api/events/ticket} (or a Bearer header); reconnect
 * with {@code Last-Event-ID} to get exactly what was missed.
 */
@Path("events")
public class EventsResource {

    @Inject
    EventStream stream;

    @Inject
    StreamTickets tickets;

    @Inject
    ChangeLog log;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tandem.events.retention", defaultValue = "PT24H")
    Duration retention;

    @POST
    @Path("ticket")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> ticket() {
        return Map.of("ticket", tickets.issue(), "expires_in", StreamTickets.VALIDITY.toSeconds());
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@QueryParam("ticket") String ticket, @HeaderParam("Last-Event-ID") String lastEventId,
                     @QueryParam("last_event_id") String lastEventIdQuery,
                     @Context SseEventSink sink, @Context Sse sse) {
        Optional<Caller> signedIn = caller.find();
        long userId;
        if (signedIn.isPresent()) {
            userId = signedIn.get().id();
        } else if (ticket != null && !ticket.isBlank()) {
            userId = tickets.redeem(ticket);
        } else {
            throw Problem.authenticationRequired().toException();
        }
        String last = lastEventId != null ? lastEventId : lastEventIdQuery;
        stream.subscribe(sink, sse, userId, last == null || last.isBlank() ? null : Require.wholeNumber("Last-Event-ID", last));
    }

    /** Purges the log now (the timer does it every five minutes); for operators. */
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> purge() {
        if (!caller.get().hasRole(Roles.ADMIN)) {
            throw Problem.forbidden("Only administrators can purge the change log.").toException();
        }
        return Map.of("purged", log.purgeBefore(clock.instant().minus(retention)), "purged_through", log.purgedThrough());
    }
}
