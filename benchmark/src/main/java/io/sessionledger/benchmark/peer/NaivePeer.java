package io.sessionledger.benchmark.peer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The naive Axon application of {@code ../shared/peers/} (Axon defaults, JPA store, its own broker and database),
 * started and stopped by its own script. Absent, failing to build or not answering, it is simply not measured:
 * {@link #start} then says why and the run goes on without it.
 */
public final class NaivePeer implements AutoCloseable {

    /** The script builds the peer with Maven first: allow for a cold build on two busy cores. */
    private static final Duration START_LIMIT = Duration.ofMinutes(10);

    private final Path script;
    private final Path workDir;
    private final URI baseUrl;
    private final PeerPids pids;

    private NaivePeer(Path script, Path workDir, URI baseUrl, PeerPids pids) {
        this.script = script;
        this.workDir = workDir;
        this.baseUrl = baseUrl;
        this.pids = pids;
    }

    /** Why the peer cannot run from {@code script}, or empty when it can be tried. */
    public static Optional<String> absence(Path script) {
        if (script == null) {
            return Optional.of("no --peer-script given");
        }
        if (!Files.isExecutable(script)) {
            return Optional.of(script + " is absent");
        }
        if (!Files.isDirectory(script.resolveSibling("naive-axon"))) {
            return Optional.of(script.resolveSibling("naive-axon") + " is absent, so the script cannot build the peer");
        }
        return Optional.empty();
    }

    /** Starts the peer and checks that it answers a create; throws with the reason when it does not. */
    public static NaivePeer start(Path script, HttpClient client) throws Exception {
        Path workDir = Files.createTempDirectory("ledger-bench-peer");
        int httpPort = freePort();
        int kafkaPort = freePort();
        Process process = new ProcessBuilder(script.toString(), "start", Integer.toString(httpPort),
                Integer.toString(kafkaPort), workDir.toString())
                .redirectError(workDir.resolve("start.err").toFile())
                .start();
        String out;
        boolean exited = process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroy();
        }
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Optional<PeerPids> pids = exited && process.exitValue() == 0 ? PeerPids.parse(out) : Optional.empty();
        URI baseUrl = URI.create("http://127.0.0.1:" + httpPort);
        if (pids.isEmpty()) {
            killLeftovers(workDir);
            throw new IllegalStateException((exited ? "start exited " + process.exitValue() : "start took over "
                    + START_LIMIT.toMinutes() + " min") + " without printing PID_APP PID_BROKER; see " + workDir);
        }
        NaivePeer peer = new NaivePeer(script, workDir, baseUrl, pids.get());
        try {
            // The script prints the pids even when the app never answered within its wait: ask once more.
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(peer.createUri("probe"))
                    .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the peer answered a create with " + answer.statusCode());
            }
        } catch (Exception e) {
            peer.close();
            throw new IllegalStateException("the peer does not answer creates (" + e.getMessage() + "); see "
                    + workDir + "/app.log", e);
        }
        return peer;
    }

    /** The peer's create: {@code PUT /sessions/new?owner=...}, answered once the event is stored. */
    public URI createUri(String owner) {
        return baseUrl.resolve("/sessions/new?owner=" + owner);
    }

    /** The peer's own database (the script names it in WORKDIR/db), for its commits per create. */
    public Optional<String> database() {
        try {
            return Optional.of(Files.readString(workDir.resolve("db")).trim()).filter(name -> !name.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder(script.toString(), "stop", Long.toString(pids.app()), Long.toString(pids.broker()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * A build that fails after the script started the peer's broker leaves the broker running and its pid unprinted:
     * it is found by its data directory, which lies under this run's own work dir, and stopped by pid.
     */
    private static void killLeftovers(Path workDir) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String command;
                try {
                    command = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException gone) {
                    continue;
                }
                if (command.contains(workDir.toString())) {
                    ProcessHandle.of(Long.parseLong(process.getFileName().toString())).ifPresent(ProcessHandle::destroy);
                }
            }
        } catch (IOException ignored) {
            // no /proc: nothing we can find
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The two processes the script started, as it prints them. */
    public record PeerPids(long app, long broker) {

        static Optional<PeerPids> parse(String scriptOutput) {
            List<String> lines = scriptOutput.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            String[] fields = lines.get(lines.size() - 1).split("\\s+");
            if (fields.length != 2 || !fields[0].matches("\\d+") || !fields[1].matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new PeerPids(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        }
    }
}
