package io.sessionledger.faults.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The edge as its own process ({@code EdgeMain}), configured by the environment as a container would be. */
final class EdgeProcess {

    private final ChildJvm jvm;
    private final int port;
    private volatile boolean held;

    EdgeProcess(ClusterLayout layout, int port, String commandUrls, String queryUrls, String kafkaBootstrap) {
        this.port = port;
        this.jvm = new ChildJvm("edge", layout.classpath(), List.of("-Xmx256m"),
                "io.sessionledger.deploy.edge.EdgeMain", List.of(), Map.of(
                        "LEDGER_HTTP_HOST", "127.0.0.1",
                        "LEDGER_HTTP_PORT", Integer.toString(port),
                        "LEDGER_COMMAND_URLS", commandUrls,
                        "LEDGER_QUERY_URLS", queryUrls,
                        "LEDGER_KAFKA_BOOTSTRAP", kafkaBootstrap,
                        // Its metrics on any free port: other edges on this machine may hold the default one.
                        "LEDGER_EDGE_METRICS_PORT", "0",
                        // The load must never meet the edge's quota: what is measured is the system behind it.
                        "LEDGER_DEFAULT_RATE_LIMIT", "1000000"),
                layout.workDir().resolve("logs").resolve("edge.log"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts it and waits until its health says UP: both services and the broker answer through it. */
    void start(Duration timeout) throws Exception {
        launch();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!jvm.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the edge did not report UP; see " + jvm.log());
            }
            Thread.sleep(250);
        }
    }

    void launch() throws IOException {
        jvm.start();
    }

    boolean needsRestart() {
        return !held && !jvm.isAlive();
    }

    void stop() throws InterruptedException {
        held = true;
        jvm.stop();
    }
}
