package io.sessionledger.deploy.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sessionledger.deploy.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's half of the read barrier without a broker request (docs/decisions.md, "Read barrier from acknowledged
 * positions"), against upstreams that answer as the services do: the command side names each write's position,
 * the query side tells the log's ends on a read that carried no positions.
 */
class ReadPositionsIT {

    private static final String GET = "/gks-server/v1/sessions/s-1";
    private static final String WRITE = "/gks-server/v1/sessions/s-1/userAssociation";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Queue<String> readAfterSeen = new ConcurrentLinkedQueue<>();
    /** What the fake command side answers a write with ("" for no position). */
    private final Map<String, String> nextWritePosition = new ConcurrentHashMap<>(Map.of("value", "1:41"));
    private HttpServer command;
    private HttpServer query;
    private Edge edge;

    @BeforeEach
    void start() throws IOException {
        command = server(exchange -> {
            String position = nextWritePosition.get("value");
            if (!position.isEmpty()) {
                exchange.getResponseHeaders().add("x-ledger-position", position);
            }
            reply(exchange, 200);
        });
        query = server(exchange -> {
            String readAfter = exchange.getRequestHeaders().getFirst("x-ledger-read-after");
            readAfterSeen.add(readAfter == null ? "none" : readAfter);
            if (readAfter == null) {
                // As the query side answers a read it took the broker's ends for.
                exchange.getResponseHeaders().add("x-ledger-log-ends", "0:5,1:7");
            }
            reply(exchange, 200);
        });
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, url(command), url(query), "127.0.0.1:" + Ports.findFree()));
    }

    @AfterEach
    void stop() {
        edge.close();
        command.stop(0);
        query.stop(0);
    }

    @Test
    void readsCarryTheHighestAcknowledgedPositionsOnceSeededByTheLogsEnds() throws Exception {
        HttpResponse<String> first = send("GET", GET, Map.of("x-ledger-read-after", "0:0"));
        assertThat(readAfterSeen.poll()).as("unseeded, and a client's own positions are dropped").isEqualTo("none");
        assertThat(first.headers().firstValue("x-ledger-log-ends")).as("kept from the client").isEmpty();

        send("GET", GET, Map.of());
        assertThat(readAfterSeen.poll()).as("seeded by the ends").isEqualTo("0:5,1:7");

        send("POST", WRITE, Map.of());
        send("GET", GET, Map.of("x-ledger-read-after", "1:0"));
        assertThat(readAfterSeen.poll()).as("the acknowledged write raised its partition").isEqualTo("0:5,1:41");

        nextWritePosition.put("value", "0:2");
        send("POST", WRITE, Map.of());
        send("GET", GET, Map.of());
        assertThat(readAfterSeen.poll()).as("never lowered").isEqualTo("0:5,1:41");
    }

    @Test
    void aWriteAcknowledgedWithoutAPositionUnseedsUntilTheNextEnds() throws Exception {
        send("GET", GET, Map.of());
        send("GET", GET, Map.of());
        assertThat(readAfterSeen).containsExactly("none", "0:5,1:7");
        readAfterSeen.clear();

        nextWritePosition.put("value", "");
        send("POST", WRITE, Map.of());
        send("GET", GET, Map.of());
        send("GET", GET, Map.of());
        assertThat(readAfterSeen).as("asks the query side to learn the ends again, then carries them")
                .containsExactly("none", "0:5,1:7");
    }

    @Test
    void aFailedWriteLeavesThePositionsAsTheyWere() throws Exception {
        send("GET", GET, Map.of());
        readAfterSeen.clear();
        command.removeContext("/");
        command.createContext("/", exchange -> reply(exchange, 409));
        send("POST", WRITE, Map.of());
        send("GET", GET, Map.of());
        assertThat(readAfterSeen).containsExactly("0:5,1:7");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("content-type", "application/json");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        byte[] body = "{}".getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
