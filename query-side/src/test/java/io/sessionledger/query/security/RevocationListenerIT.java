package io.sessionledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.service.security.Principal;
import io.sessionledger.testsupport.TestKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A revocation on the topic makes the verifier refuse a key it had cached for ten minutes: only the
 * listener can explain the refusal. A real broker; the command side's principal endpoint over HTTP.
 */
class RevocationListenerIT {

    static final String TOPIC = "ledger-key-revocations";
    static final EmbeddedKafkaKraftBroker BROKER = TestKafka.start(1, TOPIC);
    static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
    static final HttpServer COMMAND_SIDE = commandSide();

    @AfterAll
    static void stop() {
        COMMAND_SIDE.stop(0);
        BROKER.destroy();
    }

    @Test
    void aRevokedKeyIsRefusedAsSoonAsItsRevocationArrives() throws Exception {
        ApiKeyProperties settings = new ApiKeyProperties(Duration.ofMinutes(10), Duration.ofSeconds(2), 100,
                Duration.ofSeconds(2), TOPIC);
        LedgerProperties ledger = new LedgerProperties(BROKER.getBrokersAsString(), "session-events",
                URI.create("http://127.0.0.1:" + COMMAND_SIDE.getAddress().getPort()));
        ApiKeyVerifier verifier = new ApiKeyVerifier(new PrincipalLookup(ledger, settings, new ObjectMapper()), settings);
        RevocationListener listener = new RevocationListener(ledger, settings, verifier);
        listener.start();
        try {
            assertThat(eventually(listener::isPositioned)).isTrue();
            Principal limited = verifier.resolve("key-limited").orElseThrow();
            assertThat(verifier.resolve("key-kept")).isPresent();
            REVOKED.add("key-limited"); // the command side now refuses it; the cache does not know yet
            assertThat(verifier.resolve("key-limited")).isPresent();

            publishRevocation("k-limited");

            assertThat(eventually(() -> refused(verifier, "key-limited"))).isTrue();
            assertThat(verifier.resolve("key-kept")).isPresent();
            assertThat(limited.scopes()).containsExactly("sessions", "audit");
            assertThat(limited.agents()).containsExactly("bot-1");
            assertThat(limited.apps()).isNull();
            assertThat(limited.requestsPerSecond()).isEqualTo(25);
            assertThat(limited.mayUseAgent("bot-2")).isFalse();
            assertThat(limited.mayUseApp("any")).isTrue();
            assertThat(limited.hasScope("erase")).isFalse();
        } finally {
            listener.stop();
        }
    }

    private static boolean refused(ApiKeyVerifier verifier, String key) {
        try {
            return verifier.resolve(key).isEmpty();
        } catch (io.sessionledger.service.security.PrincipalResolver.Unavailable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls for up to 30 seconds; the wait is a bound for a broken listener, not a timing assertion. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void publishRevocation(String keyId) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, keyId,
                    "{\"keyId\":\"" + keyId + "\",\"revokedAt\":\"2026-01-01T00:00:00Z\"}")).get();
        }
    }

    /** The command side's {@code GET /internal/v1/principal}, as it answers for two keys. */
    private static HttpServer commandSide() {
        Map<String, String> principals = Map.of(
                "key-limited", "{\"keyId\":\"k-limited\",\"tenantId\":\"acme\",\"name\":\"limited\","
                        + "\"scopes\":[\"sessions\",\"audit\"],\"agents\":[\"bot-1\"],\"apps\":null,"
                        + "\"rateLimit\":{\"requestsPerSecond\":25}}",
                "key-kept", "{\"keyId\":\"k-kept\",\"tenantId\":\"acme\",\"name\":\"kept\",\"scopes\":"
                        + "[\"sessions\",\"audit\",\"erase\"],\"agents\":null,\"apps\":null,\"rateLimit\":null}");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/principal", exchange -> {
                String key = exchange.getRequestHeaders().getFirst("x-api-key");
                String body = REVOKED.contains(key) ? null : principals.get(key);
                reply(exchange, body == null ? 401 : 200, Optional.ofNullable(body)
                        .orElse("{\"code\":\"unauthorized\",\"description\":\"no\"}"));
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
