package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.deadletter.DeadLetterReplay;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestDatabases;
import io.sessionledger.testsupport.TestKafka;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A rolling upgrade that adds an event type: the older query side meets events it cannot read. Nothing may be
 * lost for good: they wait in the dead-letter topic, with their sessions' later events behind them, until the
 * newer version replays them in order. (Every build of this repository knows every type, so the older version
 * here is one whose codec cannot read status changes.)
 */
class RollingUpgradeIT {

    private static final String TOPIC = "upgrading";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void whatTheOlderVersionCouldNotReadTheNewerAppliesInOrderAndNothingIsLost() throws Exception {
        EmbeddedKafkaKraftBroker broker = TestKafka.start(2, TOPIC);
        String bootstrap = broker.getBrokersAsString();
        try (TestDatabases.Opened database = TestDatabases.postgres();
             EventProducer producer = new EventProducer(bootstrap, TOPIC)) {
            TestDatabases.migrate(database.dataSource());
            try (ProjectionHarness older =
                         new ProjectionHarness(database.dataSource(), bootstrap, TOPIC, "upgrade", olderCodec())) {
                producer.send(envelope(0, T0, anonymous("acme", "s-u")));
                producer.send(envelope(1, T0.plusSeconds(1),
                        new SessionStatusChanged("acme", "s-u", SessionStatus.IDLE, SessionStatus.BUSY)));
                older.awaitProjected(producer.send(envelope(2, T0.plusSeconds(2),
                        new UserAssociated("acme", "s-u", null, "cust-u", null, null, "cust-u"))));
                older.awaitProjected(producer.send(envelope(0, T0, anonymous("acme", "s-v"))));

                assertThat(older.sessions.find("acme:s-u")).get().extracting(SessionRow::version).isEqualTo(0L);
                assertThat(older.sessions.find("acme:s-v")).isPresent();
                assertThat(older.deadLetters.waitingByReason(TOPIC))
                        .isEqualTo(Map.of("malformed", 1L, "behind-dead-letter", 1L));
                assertThat(older.replay().replayed()).as("still unreadable to the older version").isZero();
            }

            try (ProjectionHarness newer = new ProjectionHarness(database.dataSource(), bootstrap, TOPIC, "upgrade")) {
                // Held behind the dead letters across the restart: they are in the database, not in memory.
                newer.awaitProjected(producer.send(envelope(3, T0.plusSeconds(3),
                        new SessionTerminated("acme", "s-u", SessionStatus.BUSY))));
                assertThat(newer.sessions.find("acme:s-u")).get().extracting(SessionRow::version).isEqualTo(0L);

                DeadLetterReplay.Result replayed = newer.replay();

                assertThat(replayed.replayed()).isEqualTo(3);
                assertThat(replayed.waiting()).isEmpty();
                SessionRow row = newer.sessions.find("acme:s-u").orElseThrow();
                assertThat(row.version()).isEqualTo(3);
                assertThat(row.status()).isEqualTo("terminated");
                assertThat(row.customerId()).isEqualTo("cust-u");
                RecordMetadata live = producer.send(envelope(4, T0.plusSeconds(4), new SessionDeleted("acme", "s-u")));
                newer.awaitProjected(live);
                assertThat(newer.sessions.find("acme:s-u")).get().extracting(SessionRow::deleted).isEqualTo(true);
                assertThat(newer.deadLetters.replayed(TOPIC)).isEqualTo(3);
            }
        } finally {
            broker.destroy();
        }
    }

    /** Reads everything but status changes, as a version from before that type would. */
    private static CloudEventCodec olderCodec() {
        ObjectMapper mapper = CloudEventCodec.defaultMapper();
        mapper.registerModule(new SimpleModule().addDeserializer(SessionStatusChanged.class,
                new JsonDeserializer<>() {
                    @Override
                    public SessionStatusChanged deserialize(JsonParser parser, DeserializationContext context)
                            throws IOException {
                        throw JsonMappingException.from(parser, "this version does not know session.status-changed");
                    }
                }));
        return new CloudEventCodec(mapper);
    }
}
