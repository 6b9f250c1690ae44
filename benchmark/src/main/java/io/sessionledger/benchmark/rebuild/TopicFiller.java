package io.sessionledger.benchmark.rebuild;

import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.LedgerTopics;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Tops the topic up to a number of events before a rebuild is measured, since a run's own writes are far
 * too few to time a rebuild. The events are what the command side publishes for Genesys traffic (built by
 * the same {@link CloudEventCodec}, same key, header and producer guarantees): each session is created with
 * an agent, a customer and a visit id, and session n then gets n % 4 agent hand-overs (2.5 events per
 * session). Sessions go out in waves of {@value #WAVE}: all creates of a wave, then its first hand-overs,
 * and so on, so one session's events are spread over the topic as concurrent traffic spreads them.
 */
public final class TopicFiller {

    public record Filled(long before, long added, long sessions, double seconds) {
        public String describe() {
            return String.format("topic topped up from %,d to %,d events: %,d sessions (created + n %% 4 agent "
                    + "hand-overs, waves of %,d) in %.1f s", before, before + added, sessions, WAVE, seconds);
        }
    }

    private static final int WAVE = 5_000;
    private static final int MAX_HANDOVERS = 3;

    private final CloudEventCodec codec = new CloudEventCodec();
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String tenant;
    private final String tag;

    private TopicFiller(KafkaProducer<byte[], byte[]> producer, String topic, String tenant, String tag) {
        this.producer = producer;
        this.topic = topic;
        this.tenant = tenant;
        this.tag = tag;
    }

    public static Filled fill(String bootstrap, String topic, String tenant, String tag, long wanted)
            throws Exception {
        long start = System.nanoTime();
        long before = eventsIn(bootstrap, topic);
        long sent = 0;
        long sessions = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10), new ByteArraySerializer(), new ByteArraySerializer())) {
            TopicFiller filler = new TopicFiller(producer, topic, tenant, tag);
            for (long first = 0; before + sent < wanted; first += WAVE) {
                for (int round = 0; round <= MAX_HANDOVERS && before + sent < wanted; round++) {
                    for (long n = first; n < first + WAVE && before + sent < wanted; n++) {
                        if (round <= n % (MAX_HANDOVERS + 1)) {
                            filler.send(n, round);
                            sent++;
                            sessions += round == 0 ? 1 : 0;
                        }
                    }
                }
            }
            producer.flush();
        }
        return new Filled(before, sent, sessions, (System.nanoTime() - start) / 1e9);
    }

    /** Event {@code version} of session n: its creation, then agent hand-overs. */
    private void send(long n, int version) {
        SessionRef ref = new SessionRef(tenant, "fill-" + tag + "-" + n);
        SessionEvent event = version == 0
                ? new SessionCreated(tenant, ref.sessionId(), SessionScope.TENANT,
                        new Parties("a-" + n % 100, "c-" + tag + "-" + n, null, null),
                        new ExternalKeys("v-" + tag + "-" + n, null, null, null), SessionDetails.NONE,
                        SessionStatus.IDLE, "c-" + tag + "-" + n)
                : new UserAssociated(tenant, ref.sessionId(), "a-" + (n + version) % 100, null, null, null,
                        "c-" + tag + "-" + n);
        String requestId = UUID.randomUUID().toString();
        Map<String, String> metadata = Map.of(LedgerMetadata.TENANT_ID, tenant, LedgerMetadata.DIALECT,
                "genesys-v1", LedgerMetadata.API_KEY_ID, "bench-fill", LedgerMetadata.REQUEST_ID, requestId,
                LedgerMetadata.CORRELATION_ID, requestId);
        byte[] value = codec.write(codec.toCloudEvent(UUID.randomUUID().toString(), version,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), event, metadata));
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, ref.aggregateId().getBytes(StandardCharsets.UTF_8), value);
        record.headers().add("content-type", LedgerTopics.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadataOrNull, error) -> {
            if (error != null) {
                System.err.println("topic fill: a send failed: " + error);
            }
        });
    }

    private static long eventsIn(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return sum(admin, partitions, OffsetSpec.latest()) - sum(admin, partitions, OffsetSpec.earliest());
        }
    }

    private static long sum(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
