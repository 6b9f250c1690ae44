package io.sessionledger.query.commandside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sessionledger.query.commandside.CommandSideInstances.Resend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One command side down, another up: the query side's lookups reach the one that is up. A request is sent again
 * only when it cannot have had an effect, or when it is idempotent; an instance that answers (even 5xx) is not
 * passed over.
 */
class CommandSideInstancesTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger upCalls = new AtomicInteger();
    private final HttpServer up = server(200);
    private final AtomicInteger hangUps = new AtomicInteger();
    private final ServerSocket hangsUp = hangUpAfterReading();

    @AfterEach
    void stop() throws IOException {
        up.stop(0);
        hangsUp.close();
    }

    @Test
    void aCommandSideThatRefusesConnectionsIsPassedOverForTheNext() throws Exception {
        CommandSideInstances instances = new CommandSideInstances(List.of(down(), url(up)));

        HttpResponse<String> answer = send(instances, Resend.UNLESS_CONNECTED);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("/internal/v1/principal");
        assertThat(upCalls).hasValue(1);
    }

    @Test
    void theInstanceThatAnsweredIsAskedFirstNextTime() throws Exception {
        URI down = down();
        CommandSideInstances instances = new CommandSideInstances(List.of(down, url(up)));
        send(instances, Resend.IDEMPOTENT);
        try (ServerSocket takenBack = new ServerSocket(down.getPort(), 50,
                java.net.InetAddress.getLoopbackAddress())) {
            // The first instance is listening again but never answers: asked first, it would fail the request.
            send(instances, Resend.UNLESS_CONNECTED);
        }
        assertThat(upCalls).hasValue(2);
    }

    @Test
    void anIdempotentRequestCutOffAfterItWasSentGoesToTheNextInstance() throws Exception {
        CommandSideInstances instances = new CommandSideInstances(List.of(url(hangsUp), url(up)));

        assertThat(send(instances, Resend.IDEMPOTENT).statusCode()).isEqualTo(200);
        assertThat(hangUps).hasValue(1);
        assertThat(upCalls).hasValue(1);
    }

    @Test
    void aRequestThatMayHaveHadAnEffectIsNeverSentTwice() {
        CommandSideInstances instances = new CommandSideInstances(List.of(url(hangsUp), url(up)));

        assertThatThrownBy(() -> send(instances, Resend.UNLESS_CONNECTED)).isInstanceOf(IOException.class);
        assertThat(upCalls).hasValue(0);
    }

    @Test
    void anAnswerIsAnAnswerEvenAServerError() throws Exception {
        HttpServer failing = server(503);
        try {
            CommandSideInstances instances = new CommandSideInstances(List.of(url(failing), url(up)));
            assertThat(send(instances, Resend.IDEMPOTENT).statusCode()).isEqualTo(503);
            assertThat(upCalls).hasValue(0);
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void whenNoneCanBeReachedTheLastFailureIsThrown() throws Exception {
        CommandSideInstances instances = new CommandSideInstances(List.of(down(), down()));

        assertThatThrownBy(() -> send(instances, Resend.IDEMPOTENT)).isInstanceOf(java.net.ConnectException.class);
    }

    /** A POST, as the Genesys ensure is: the JDK's client would send a GET again by itself on a cut connection. */
    private HttpResponse<String> send(CommandSideInstances instances, Resend resend) throws Exception {
        return instances.send(http, "/internal/v1/principal", uri -> HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(), resend);
    }

    private HttpServer server(int status) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (status == 200) {
                    upCalls.incrementAndGet();
                }
                byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Accepts, reads the request, and closes without answering: the request may have had its effect. */
    private ServerSocket hangUpAfterReading() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connection.getInputStream().read(new byte[8192]);
                        hangUps.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hangs-up");
            acceptor.setDaemon(true);
            acceptor.start();
            return socket;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A port nobody listens on: connections are refused, as by a killed command side. */
    private static URI down() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static URI url(ServerSocket socket) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
}
