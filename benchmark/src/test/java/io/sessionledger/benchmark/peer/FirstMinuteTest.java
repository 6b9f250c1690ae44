package io.sessionledger.benchmark.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstMinuteTest {

    private HttpServer server;
    private final Map<InetSocketAddress, Boolean> connections = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/new", exchange -> {
            connections.put(exchange.getRemoteAddress(), true);
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + "|" + exchange.getRequestHeaders().getFirst("x-api-key") + "|" + exchange.getRequestMethod()
                    + "|" + exchange.getRequestURI().getQuery());
            boolean refuse = exchange.getRequestURI().getQuery().endsWith("refuse");
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? 409 : 201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachRequestIsSentWholeOnAConnectionOfItsOwn() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        FirstMinute.Result result = FirstMinute.run(n -> HttpRequest.newBuilder(base.resolve("/sessions/new?owner=o" + n))
                .header("x-api-key", "k").PUT(HttpRequest.BodyPublishers.ofString("{\"n\":" + n + "}")).build(), 5);

        assertThat(result.succeeded()).isEqualTo(5);
        assertThat(result.errors()).isEmpty();
        assertThat(result.latency().count()).isEqualTo(5);
        assertThat(connections).hasSize(5);
        assertThat(bodies).contains("{\"n\":3}|k|PUT|owner=o3");
    }

    @Test
    void refusedRequestsAreCountedByStatusAndLeftOutOfTheLatency() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        FirstMinute.Result result = FirstMinute.run(n -> HttpRequest.newBuilder(
                base.resolve("/sessions/new?owner=" + (n % 2 == 0 ? "ok" : "refuse")))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), 4);

        assertThat(result.succeeded()).isEqualTo(2);
        assertThat(result.errors()).containsEntry("409", 2L);
        assertThat(result.latency().count()).isEqualTo(2);
    }

    @Test
    void aServerThatIsNotThereIsAnIoFailureNotAnException() {
        FirstMinute.Result result = FirstMinute.run(n -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x"))
                .GET().build(), 2);

        assertThat(result.succeeded()).isZero();
        assertThat(result.errors()).containsEntry("io", 2L);
    }

    @Test
    void theStatusComesFromTheStatusLine() {
        assertThat(OneShotHttp.status("HTTP/1.1 201 Created\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(201);
        assertThat(OneShotHttp.status("HTTP/1.0 503 x\r\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(503);
        assertThat(OneShotHttp.status(new byte[0])).isEqualTo(-1);
        assertThat(OneShotHttp.status("garbage".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
    }
}
