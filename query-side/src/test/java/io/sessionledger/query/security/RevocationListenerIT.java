package io.sessionledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.commandside.CommandSideInstances;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.service.security.Principal;
import io.sessionledger.testsupport.TestKafka;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    static final FakeCommandSide COMMAND_SIDE = FakeCommandSide.start();

    @AfterAll
    static void stop() {
        COMMAND_SIDE.close();
        BROKER.destroy();
    }

    @Test
    void aRevokedKeyIsRefusedAsSoonAsItsRevocationArrives() throws Exception {
        ApiKeyProperties settings = new ApiKeyProperties(Duration.ofMinutes(10), Duration.ofSeconds(2), 100,
                Duration.ofSeconds(2), TOPIC);
        LedgerProperties ledger = new LedgerProperties(BROKER.getBrokersAsString(), "session-events",
                List.of(URI.create(COMMAND_SIDE.url())));
        ApiKeyVerifier verifier = new ApiKeyVerifier(
                new PrincipalLookup(new CommandSideInstances(ledger), settings, new ObjectMapper()), settings);
        RevocationListener listener = new RevocationListener(ledger, settings, verifier);
        listener.start();
        try {
            assertThat(eventually(listener::isPositioned)).isTrue();
            Principal limited = verifier.resolve("key-limited").orElseThrow();
            assertThat(verifier.resolve("key-kept")).isPresent();
            COMMAND_SIDE.revoke("key-limited"); // the command side now refuses it; the cache does not know yet
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
}
