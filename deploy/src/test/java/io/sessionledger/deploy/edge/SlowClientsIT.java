package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients (issue 8, problem 2) against an edge with short timeouts. Nothing here measures latency:
 * the other clients' requests must all complete, and the slow ones must all be cut off, within bounds far
 * above the configured timeouts. EchoUpstream answers on a single thread, so one slow body forwarded to it
 * would stall everyone.
 */
class SlowClientsIT {

    private static final EdgeLimits LIMITS = new EdgeLimits(8 * 1024, 16 * 1024, 64, 64 * 1024,
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(30), 100);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static EchoUpstream command;
    private static EchoUpstream query;
    private static Edge edge;

    @BeforeAll
    static void start() throws Exception {
        command = new EchoUpstream("command", "UP");
        query = new EchoUpstream("query", "UP");
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(), "127.0.0.1:" + Ports.findFree())
                .withLimits(LIMITS));
    }

    @AfterAll
    static void stop() {
        edge.close();
        command.close();
        query.close();
    }

    @Test
    void thirtySlowClientsStopNoOtherClientAndAreCutOff() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(38);
        try {
            CountDownLatch slowStarted = new CountDownLatch(30);
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                // headers one byte every 2 s
                slow.add(pool.submit(() -> trickle("PUT /gks-server/v1/sessions/new HTTP/1.1\r\n",
                        "Host: edge.test\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", slowStarted)));
                // a body of 1000 bytes, one every 2 s
                slow.add(pool.submit(() -> trickle("PUT /gks-server/v1/sessions/new HTTP/1.1\r\nHost: edge.test\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n", "x".repeat(1000), slowStarted)));
            }
            assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
            int before = command.echoedCount();

            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                writers.add(pool.submit(SlowClientsIT::tenWrites));
            }
            int completed = 0;
            for (Future<Integer> writer : writers) {
                completed += writer.get(120, TimeUnit.SECONDS);
            }

            assertThat(completed).as("writes of the other clients that completed").isEqualTo(80);
            for (Future<String> client : slow) {
                assertThat(client.get(120, TimeUnit.SECONDS)).as("how a slow client ended").isIn("408", "closed");
            }
            assertThat(command.echoedCount() - before).as("requests that reached the service").isEqualTo(80);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConnectionWithoutARequestIsClosedAfterTheIdleTimeout() {
        try (Edge idle = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(),
                "127.0.0.1:" + Ports.findFree()).withLimits(LIMITS.withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(1)))); RawClient silent = new RawClient(idle.port());
             RawClient kept = new RawClient(idle.port())) {
            assertThat(kept.send("GET /nowhere HTTP/1.1\r\nHost: edge.test\r\n\r\n").answer().status()).isEqualTo(404);

            assertThat(silent.closedByServer()).isTrue();
            assertThat(kept.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsBeyondTheCapPerAddressAreClosed() throws Exception {
        EdgeLimits three = new EdgeLimits(8 * 1024, 16 * 1024, 64, 64 * 1024, Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
        try (Edge capped = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(),
                "127.0.0.1:" + Ports.findFree()).withLimits(three))) {
            List<RawClient> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawClient client = new RawClient(capped.port());
                assertThat(client.send("GET /nowhere HTTP/1.1\r\nHost: edge.test\r\n\r\n").answer().status()).isEqualTo(404);
                open.add(client);
            }
            try (RawClient fourth = new RawClient(capped.port())) {
                assertThat(fourth.closedByServer()).isTrue();
            }

            open.remove(0).close();
            assertThat(answeredAfterAFreedSlot(capped.port())).isTrue();
            open.forEach(RawClient::close);
        }
    }

    /** The freed slot counts once the edge has seen the close: try again for a while. */
    private static boolean answeredAfterAFreedSlot(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (RawClient client = new RawClient(port)) {
                if (client.send("GET /nowhere HTTP/1.1\r\nHost: edge.test\r\n\r\n").answer().status() == 404) {
                    return true;
                }
            } catch (UncheckedIOException closed) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** Sends {@code head}, then {@code rest} one byte every 2 s, until the edge answers or closes. */
    private static String trickle(String head, String rest, CountDownLatch started) {
        try (RawClient client = new RawClient(edge.port())) {
            client.send(head);
            started.countDown();
            for (int i = 0; i < rest.length(); i++) {
                String ended = client.endedWithin(2_000);
                if (ended != null) {
                    return ended;
                }
                try {
                    client.send(rest.substring(i, i + 1));
                } catch (UncheckedIOException e) {
                    return "closed";
                }
            }
            return "completed";
        }
    }

    private static int tenWrites() throws Exception {
        int ok = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + edge.port() + "/gks-server/v1/sessions/new"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"visitId\":\"w-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                ok++;
            }
        }
        return ok;
    }
}
