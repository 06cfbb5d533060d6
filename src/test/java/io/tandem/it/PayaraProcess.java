package io.tandem.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The WAR on a Payara Micro of its own, as an operator would run it: for the integration suite and the benchmark. */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final URL url;

    private PayaraProcess(Process process, URL url) {
        this.process = process;
        this.url = url;
    }

    public static PayaraProcess start(Path microJar, Path war, String database, Path work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(microJar, war, database, work, port);
    }

    /**
     * Starts the WAR on {@code port}. The console output is appended to {@code work/payara.log}, so a process
     * started again in the same folder (a restart) keeps the earlier output in front of its own.
     */
    public static PayaraProcess start(Path microJar, Path war, String database, Path work, int port) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TestDatabase.payaraOptions(database, work.resolve("data")));
        command.addAll(List.of("-jar", microJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster",
                "--prebootcommandfile", Path.of("deploy/payara-micro/pre-boot-commands.asadmin").toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("payara.log").toFile())).start();
        URL url = URI.create("http://127.0.0.1:" + port + "/").toURL();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return new PayaraProcess(process, url);
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro did not become ready; see " + work.resolve("payara.log"));
    }

    public URL url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
