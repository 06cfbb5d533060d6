package io.tandem.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a Server-Sent Events stream the way a browser's EventSource does, into a queue the test polls. */
public final class EventListener implements AutoCloseable {

    /**
     * One message of the stream: its id, name, data and the {@code retry:} it set (null when it set none). A
     * message with only a {@code retry:} is kept too, although a browser dispatches no event for it.
     */
    public record Event(String id, String name, String data, String retry) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final int status;

    private EventListener(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static EventListener open(Api api, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
        return new EventListener(response);
    }

    public int status() {
        return status;
    }

    /** The next event that matches, waiting at most {@code timeout}; events before it are dropped. */
    public Event next(Duration timeout, Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Map<String, StringBuilder> fields = new HashMap<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (fields.containsKey("data") || fields.containsKey("event") || fields.containsKey("retry")) {
                        events.add(new Event(value(fields, "id"), value(fields, "event"), value(fields, "data"),
                                value(fields, "retry")));
                    }
                    fields.clear();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String name = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                    fields.computeIfAbsent(name, n -> new StringBuilder()).append(value);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    private static String value(Map<String, StringBuilder> fields, String name) {
        StringBuilder value = fields.get(name);
        return value == null ? null : value.toString();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
