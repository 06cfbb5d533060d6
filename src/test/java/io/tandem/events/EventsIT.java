package io.tandem.events;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import io.tandem.it.EventListener;
import io.tandem.it.EventListener.Event;
import io.tandem.it.Race;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live change stream: it opens with its retry delay; another user's change arrives; a reconnect gets exactly
 * what it missed; too old → reset; concurrent and rolled-back writers leave no hole, also while the clock stands still.
 */
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OPENED = "stream.opened";

    final URL base = TestServer.url();

    Api api;
    String watcherName;
    String editorName;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        String admin = api.admin().access();
        watcherName = api.createUser(admin, "watcher", "USER").getString("username");
        editorName = api.createUser(admin, "editor", "USER").getString("username");
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    private String ticket(String token) {
        return api.post("/api/events/ticket", token, null).ok().getString("ticket");
    }

    private static JsonObject data(Event event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }

    private static boolean isChange(Event event) {
        return event.id() != null && !OPENED.equals(event.name());
    }

    private static boolean about(Event event, long storageId) {
        return event.data() != null && event.data().contains("\"entity_type\":\"storage_system\"")
                && data(event).getString("entity_id").equals(Long.toString(storageId));
    }

    @Test
    void theStreamNeedsATicketThatWorksOnce() throws Exception {
        api.get("/api/events", null).problem(401);
        String watcher = api.login(watcherName, Api.PASSWORD).access();
        String ticket = ticket(watcher);
        try (EventListener first = EventListener.open(api, "/api/events?ticket=" + ticket)) {
            assertEquals(200, first.status());
        }
        JsonObject reused = api.get("/api/events?ticket=" + ticket, null).problem(401);
        assertTrue(reused.getString("detail").contains("used or expired"));
    }

    @Test
    void aChangeByAnotherUserArrives_aReconnectGetsExactlyWhatItMissed_andATooOldIdGetsReset() throws Exception {
        String watcher = api.login(watcherName, Api.PASSWORD).access();
        String editor = api.login(editorName, Api.PASSWORD).access();
        JsonObject storage;
        String lastSeen;
        try (EventListener stream = EventListener.open(api, "/api/events?ticket=" + ticket(watcher))) {
            storage = api.post("/api/storage", editor, Json.createObjectBuilder().add("name", "Live-" + System.nanoTime()).build()).ok();
            long id = storage.getInt("id");
            Event created = stream.next(WAIT, e -> about(e, id));
            assertEquals("entity.changed", created.name());
            JsonObject payload = data(created);
            assertEquals(1, payload.getInt("version"));
            assertEquals(editorName, payload.getString("by"));
            lastSeen = created.id();
        }

        long id = storage.getInt("id");
        JsonObject v2 = api.put("/api/storage/" + id, editor, Json.createObjectBuilder(storage).add("location", "Hall 2").build()).ok();
        api.put("/api/storage/" + id, editor, Json.createObjectBuilder(v2).add("location", "Hall 3").build()).ok();

        try (EventListener again = EventListener.open(api, "/api/events?ticket=" + ticket(watcher), "Last-Event-ID", lastSeen)) {
            List<Integer> versions = new ArrayList<>();
            long previous = Long.parseLong(lastSeen);
            while (versions.size() < 2) {
                Event missed = again.next(WAIT, EventsIT::isChange);
                assertTrue(Long.parseLong(missed.id()) > previous, "in order, nothing twice, nothing before the cursor");
                previous = Long.parseLong(missed.id());
                if (about(missed, id)) {
                    versions.add(data(missed).getInt("version"));
                }
            }
            assertEquals(List.of(2, 3), versions);
        }

        api.moveClock(Duration.ofHours(25));
        String admin = api.admin().access();
        JsonObject purge = api.post("/api/events/purge", admin, null).ok();
        assertTrue(purge.getJsonNumber("purged_through").longValue() >= Long.parseLong(lastSeen));
        String rewatcher = api.login(watcherName, Api.PASSWORD).access();
        try (EventListener stale = EventListener.open(api, "/api/events?ticket=" + ticket(rewatcher), "Last-Event-ID", lastSeen)) {
            assertEquals("reset", stale.next(WAIT, e -> !OPENED.equals(e.name())).name());
        }
    }

    @Test
    void everyStreamOpensWithTheRetryDelay_andWhereItStarts() throws Exception {
        String watcher = api.login(watcherName, Api.PASSWORD).access();
        String start;
        try (EventListener fresh = EventListener.open(api, "/api/events?ticket=" + ticket(watcher))) {
            Event first = fresh.next(WAIT, e -> true);
            assertEquals("3000", first.retry(), "the first message sets retry:");
            assertEquals(OPENED, first.name());
            start = first.id();
            assertEquals(Long.parseLong(start), data(first).getJsonNumber("last_event_id").longValue());
        }
        try (EventListener resumed = EventListener.open(api, "/api/events?ticket=" + ticket(watcher), "Last-Event-ID", start)) {
            Event first = resumed.next(WAIT, e -> true);
            assertEquals("3000", first.retry());
            assertEquals(start, first.id(), "a reconnect starts where the client left off");
        }
    }

    @Test
    void concurrentWritesAndRolledBackOnes_reachTheStreamWithoutAHole_whileTheClockStandsStill() throws Exception {
        api.moveClock(Duration.ofMinutes(5));
        String watcher = api.login(watcherName, Api.PASSWORD).access();
        String editor = api.login(editorName, Api.PASSWORD).access();
        List<Long> systems = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            systems.add((long) api.post("/api/storage", editor, Json.createObjectBuilder()
                    .add("name", "Import-" + i + "-" + System.nanoTime()).build()).ok().getInt("id"));
        }
        // Two hosts are created, their change-log entries written to the database, then the third is invalid and
        // the import rolls back whole: the ids those entries took must not become a hole the stream waits on.
        JsonObject halfValid = Json.createObjectBuilder().add("hosts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("external_id", "h-1").add("name", "esx01"))
                .add(Json.createObjectBuilder().add("external_id", "h-2").add("name", "esx02"))
                .add(Json.createObjectBuilder().add("name", "no external id"))).build();
        Set<Long> created = ConcurrentHashMap.newKeySet();
        try (EventListener stream = EventListener.open(api, "/api/events?ticket=" + ticket(watcher))) {
            long previous = Long.parseLong(stream.next(WAIT, e -> OPENED.equals(e.name())).id());
            Race.run(12, thread -> {
                if (thread % 3 == 0) {
                    api.post("/api/storage/" + systems.get(thread / 3) + "/import", editor, halfValid).problem(400);
                } else {
                    created.add((long) api.post("/api/storage", editor, Json.createObjectBuilder()
                            .add("name", "Race-" + thread + "-" + System.nanoTime()).build()).ok().getInt("id"));
                }
            });
            // One more after the race: its id is above every rolled-back one, so a stream that waits on a hole stalls.
            created.add((long) api.post("/api/storage", editor, Json.createObjectBuilder()
                    .add("name", "After-" + System.nanoTime()).build()).ok().getInt("id"));
            assertEquals(9, created.size());
            Set<Long> seen = new HashSet<>();
            while (!seen.containsAll(created)) {
                Event event = stream.next(WAIT, EventsIT::isChange);
                long id = Long.parseLong(event.id());
                assertEquals(previous + 1, id, "ids follow commit order without a hole");
                previous = id;
                JsonObject data = data(event);
                assertFalse("host".equals(data.getString("entity_type", "")), "a rolled-back host never reaches the stream");
                if ("storage_system".equals(data.getString("entity_type", ""))) {
                    seen.add(Long.parseLong(data.getString("entity_id")));
                }
            }
        }
        for (long system : systems) {
            assertEquals(0, api.get("/api/storage/" + system + "/hosts", editor).array().size());
        }
    }
}
