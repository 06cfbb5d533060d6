package io.tandem.racks.boundary;

import io.tandem.platform.timers.Chores;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/** {@code POST /api/sync/batch}: offline-captured audit records, each with its own result. */
@Path("sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    AuditSync sync;

    @Inject
    @ConfigProperty(name = "tandem.sync.max-batch", defaultValue = "100")
    int maxBatch;

    public record Batch(List<AuditSync.SyncRecord> records, Long fencingToken) {
    }

    @POST
    @Path("batch")
    public Map<String, Object> batch(String body) {
        Batch batch = Bodies.read(body, Batch.class);
        if (batch.records() == null) {
            throw Problem.badRequest("records must be a list.").field("records").toException();
        }
        if (batch.records().size() > maxBatch) {
            throw Problem.of(413, "At most " + maxBatch + " records per batch; send the rest in another batch.")
                    .field("records").with("max_batch", maxBatch).toException();
        }
        List<Map<String, Object>> results = sync.sync(batch.records(), batch.fencingToken());
        long accepted = results.stream().filter(r -> "accepted".equals(r.get("status"))).count();
        return Map.of("results", results, "accepted", accepted, "total", results.size());
    }

    /** Forgets old replay records now (the timer does it every hour); for operators. */
    @POST
    @Path("purge")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> purge() {
        return Map.of("purged", Chores.drain(sync::purgeReplayRecordsNow));
    }
}
