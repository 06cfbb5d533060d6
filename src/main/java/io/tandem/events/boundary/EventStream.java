package io.tandem.events.boundary;

import io.tandem.events.control.StreamHorizon;
import io.tandem.platform.timers.Chores;
import io.tandem.events.entity.ChangeEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * This node's open event streams. Once a second one query reads the change log after the oldest cursor and each
 * subscriber gets what lies after its own cursor: change-log ids follow commit order (see {@link StreamHorizon}),
 * so nothing that commits later can appear behind a cursor. Replay after a reconnect is the same path: the cursor
 * starts at the client's Last-Event-ID. Subscribers live in this node's memory; what they receive comes from the
 * database, so every node's streams carry every node's changes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class EventStream {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final int BATCH = 1000;
    static final String OPENED = "stream.opened";

    @Inject
    ChangeLog log;

    @Inject
    @ConfigProperty(name = "tandem.events.retry-millis", defaultValue = "3000")
    long retryMillis;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** Ticks must not overlap, or a slow one and the next could both send the same event. */
    private final AtomicBoolean delivering = new AtomicBoolean();

    private static final class Subscriber {
        final SseEventSink sink;
        final Sse sse;
        final long userId;
        volatile long cursor;

        Subscriber(SseEventSink sink, Sse sse, long userId, long cursor) {
            this.sink = sink;
            this.sse = sse;
            this.userId = userId;
            this.cursor = cursor;
        }
    }

    /**
     * Opens a stream. Its first message carries the {@code retry:} delay and, as {@code id}, where the stream
     * starts, so a client that reconnects before any change arrived still resumes exactly there. Without a
     * Last-Event-ID the stream starts at the newest event; with one it replays what came after it, or — when
     * that part of the log was purged — sends {@code reset} so the client reloads instead of silently missing
     * changes.
     */
    public void subscribe(SseEventSink sink, Sse sse, long userId, Long lastEventId) {
        StreamHorizon.Start start = StreamHorizon.start(lastEventId, log.latestId(), log.purgedThrough());
        String cursor = Long.toString(start.cursor());
        // Jersey writes retry: only for a message with data, so the opening message has a little.
        sink.send(sse.newEventBuilder().name(OPENED).id(cursor).reconnectDelay(retryMillis)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"retry\": " + retryMillis + ", \"last_event_id\": " + cursor + "}").build());
        if (start.reset()) {
            sink.send(sse.newEventBuilder().id(cursor).name("reset")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, "{\"reason\": \"The events after your last one are no longer kept; reload.\"}").build());
        }
        subscribers.add(new Subscriber(sink, sse, userId, start.cursor()));
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void deliver() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            Chores.run("event_delivery", this::deliverOnce);
        } finally {
            delivering.set(false);
        }
    }

    private void deliverOnce() {
        subscribers.removeIf(s -> s.sink.isClosed());
        if (subscribers.isEmpty()) {
            return;
        }
        long from = subscribers.stream().mapToLong(s -> s.cursor).min().orElse(0);
        List<ChangeEvent> rows = log.after(from, BATCH);
        for (Subscriber subscriber : subscribers) {
            try {
                for (ChangeEvent event : StreamHorizon.deliverable(subscriber.cursor, rows, ChangeEvent::getId)) {
                    subscriber.sink.send(outbound(subscriber.sse, event));
                    subscriber.cursor = event.getId();
                }
            } catch (RuntimeException closed) {
                subscriber.sink.close();
                subscribers.remove(subscriber);
                LOG.fine(() -> "event_stream_closed user_id=" + subscriber.userId);
            }
        }
    }

    /** A comment every 15 s keeps proxies from closing idle streams and finds clients that went away. */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.sink.send(subscriber.sse.newEventBuilder().comment("keep-alive").build());
            } catch (RuntimeException closed) {
                subscriber.sink.close();
                subscribers.remove(subscriber);
            }
        }
    }

    public int open() {
        return subscribers.size();
    }

    private static OutboundSseEvent outbound(Sse sse, ChangeEvent event) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("id", event.getId())
                .add("type", event.getType())
                .add("at", event.getCreatedAt().toString());
        if (event.getSubjectType() != null) {
            data.add("entity_type", event.getSubjectType());
        }
        if (event.getSubjectId() != null) {
            data.add("entity_id", event.getSubjectId());
        }
        if (event.getVersion() != null) {
            data.add("version", event.getVersion());
        }
        if (event.getUserId() != null) {
            data.add("user_id", event.getUserId()).add("by", event.getUsername());
        }
        if (event.getPayload() != null) {
            try (var reader = Json.createReader(new StringReader(event.getPayload()))) {
                data.add("details", reader.readValue());
            }
        }
        return sse.newEventBuilder().id(Long.toString(event.getId())).name(event.getType())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, data.build().toString()).build();
    }
}
