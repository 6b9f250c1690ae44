package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionledger.events.SessionRef;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.consistency.ConsistencyProperties;
import io.sessionledger.query.consistency.EndOffsets;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestDatabases;
import io.sessionledger.testsupport.TestKafka;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Partitions added to the topic: the projection picks them up, and the read barrier, which finds a session's
 * partition from the partition count, counts again, so that a read waits for the partition the write went to.
 */
class PartitionsAddedIT {

    private static final String TOPIC = "growing";

    @Test
    void theBarrierWaitsForTheNewPartitionOfASessionOnceThePartitionsAreAssigned() throws Exception {
        EmbeddedKafkaKraftBroker broker = TestKafka.start(1, TOPIC);
        String bootstrap = broker.getBrokersAsString();
        LedgerProperties ledger = new LedgerProperties(bootstrap, TOPIC, List.of(URI.create("http://unused")));
        ConsistencyProperties consistency = new ConsistencyProperties(Duration.ofSeconds(10));
        try (TestDatabases.Opened database = TestDatabases.postgres();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             EventProducer before = new EventProducer(bootstrap, TOPIC)) {
            TestDatabases.migrate(database.dataSource());
            try (ProjectionHarness projection = new ProjectionHarness(database.dataSource(), bootstrap, TOPIC, "grows")) {
                EndOffsets endOffsets = new EndOffsets(admin, ledger, consistency, projection.positions);
                ReadBarrier barrier = new ReadBarrier(endOffsets, projection.positions, projection.offsets, ledger,
                        consistency, new SimpleMeterRegistry());
                projection.awaitProjected(before.send(envelope(0, Instant.now(), anonymous("acme", "s-0"))));
                assertThat(barrier.awaitSession(new SessionRef("acme", "s-0"))).isTrue();
                assertThat(barrier.partitionOf(new SessionRef("acme", "s-0"))).isZero();

                admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(3))).all().get();
                String moved = sessionOnPartition(2, 3);
                RecordMetadata written;
                try (EventProducer after = new EventProducer(bootstrap, TOPIC)) {
                    written = after.send(envelope(0, Instant.now(), anonymous("acme", moved)));
                }
                assertThat(written.partition()).isEqualTo(2);
                projection.awaitProjected(written);

                assertThat(barrier.partitionOf(new SessionRef("acme", moved))).isEqualTo(2);
                assertThat(barrier.awaitSession(new SessionRef("acme", moved))).isTrue();
                endOffsets.destroy();
            }
        } finally {
            broker.destroy();
        }
    }

    /** A session id whose key the default partitioner puts on {@code partition} of {@code partitions}. */
    private static String sessionOnPartition(int partition, int partitions) {
        for (int n = 0; ; n++) {
            String id = "s-grown-" + n;
            byte[] key = ("acme:" + id).getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
                return id;
            }
        }
    }
}
