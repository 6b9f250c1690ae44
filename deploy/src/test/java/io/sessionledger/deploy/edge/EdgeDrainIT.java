package io.sessionledger.deploy.edge;

import com.sun.net.httpserver.HttpServer;
import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the edge drains it: it stops accepting connections, answers 503 in the dialect to a request that still
 * arrives on an open one, and lets the request in flight get its answer before it closes.
 */
class EdgeDrainIT {

    private static final String SLOW = "/gks-server/v1/sessions/slow";
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer upstream;
    private Edge edge;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals(SLOW)) {
                arrived.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, url, url, "127.0.0.1:" + Ports.findFree()));
    }

    @AfterEach
    void stop() {
        release.countDown();
        edge.close();
        upstream.stop(0);
    }

    @Test
    void aStopRefusesNewRequestsAndLetsTheOneInFlightFinish() throws Exception {
        int port = edge.port();
        try (RawClient keptAlive = new RawClient(port)) {
            assertThat(keptAlive.send(get("/gks-server/v1/sessions/fast")).answer().status()).isEqualTo(200);
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SLOW)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the slow request reached the upstream").isTrue();

            Thread closing = new Thread(edge::close, "edge-close");
            closing.start();
            awaitRefusedConnections(port);

            RawClient.Answer late = keptAlive.send(get("/gks-server/v1/sessions/late")).answer();
            assertThat(late.status()).isEqualTo(503);
            assertThat(late.json().path("code").asText()).as(late.body()).isEqualTo("unavailable");
            assertThat(late.closes()).isTrue();
            assertThat(closing.isAlive()).as("the stop waits for the request in flight").isTrue();
            assertThat(inFlight).isNotDone();

            release.countDown();
            HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("{\"answered\":true}");
            closing.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(closing.isAlive()).isFalse();
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: edge\r\n\r\n";
    }

    private static void awaitRefusedConnections(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                assertThat(System.nanoTime()).as("the edge still accepts connections").isLessThan(deadline);
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(20);
            }
        }
    }
}
