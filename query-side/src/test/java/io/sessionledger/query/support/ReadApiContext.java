package io.sessionledger.query.support;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One running query side for the read tests of every dialect: the app on a throwaway database of the local
 * PostgreSQL, a real broker, the fake command side. The subclasses add nothing to the configuration, so Spring
 * starts it once for all of them. They share the read model, so each test works in sessions of its own.
 * Everything stops once the last test class is done: the app first, then what it runs on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics exported as in production (Spring's tests turn them off), so /actuator/prometheus answers.
@AutoConfigureObservability(tracing = false)
@ExtendWith(ReadApiContext.StopWhenAllAreDone.class)
public abstract class ReadApiContext {

    protected static final String ADMIN_KEY = "query-admin";
    private static final String TOPIC = "session-events";
    private static final EmbeddedKafkaKraftBroker BROKER = TestKafka.start(3, TOPIC);
    private static final TestPostgres POSTGRES = TestPostgres.create("ledger_q");
    protected static final EventProducer PRODUCER = new EventProducer(BROKER.getBrokersAsString(), TOPIC);
    protected static final FakeCommandSide COMMAND_SIDE = FakeCommandSide.start(PRODUCER);
    private static final String DOWN_COMMAND_SIDE = "http://127.0.0.1:" + unusedPort();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("ledger.kafka-bootstrap", BROKER::getBrokersAsString);
        // The first command side listed is down for good: every read here also proves that the query side
        // passes over an instance it cannot reach (CommandSideInstances).
        registry.add("ledger.command-url", () -> DOWN_COMMAND_SIDE + "," + COMMAND_SIDE.url());
        registry.add("ledger.consistency.read-timeout", () -> "10s");
        registry.add("ledger.admin-key", () -> ADMIN_KEY);
        // Replays only when a test asks: one running by itself would change what the test sees.
        registry.add("ledger.dead-letters.replay-interval", () -> "0");
    }

    private static int unusedPort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    /**
     * Spring keeps the shared app in its context cache until the JVM exits, in no order with other exit hooks;
     * this closes it at the end of the whole run, before the broker and the database it uses go.
     */
    static final class StopWhenAllAreDone implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            ConfigurableApplicationContext app = running(context);
            context.getRoot().getStore(ExtensionContext.Namespace.create(ReadApiContext.class))
                    .getOrComputeIfAbsent(StopWhenAllAreDone.class, key -> (CloseableResource) () -> stop(app),
                            CloseableResource.class);
        }

        private static ConfigurableApplicationContext running(ExtensionContext context) {
            try {
                return (ConfigurableApplicationContext) SpringExtension.getApplicationContext(context);
            } catch (IllegalStateException failedToStart) {
                return null; // the tests have failed for it already; the infrastructure must still go
            }
        }

        private static void stop(ConfigurableApplicationContext app) {
            if (app != null) {
                app.close();
            }
            COMMAND_SIDE.close();
            PRODUCER.close();
            BROKER.destroy();
            POSTGRES.close();
        }
    }
}
