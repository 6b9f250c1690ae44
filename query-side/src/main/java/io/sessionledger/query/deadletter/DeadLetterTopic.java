package io.sessionledger.query.deadletter;

import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.projection.DeadLetterSender;
import io.sessionledger.query.projection.Unapplied;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends what the projection cannot apply to the dead-letter topic: the original key, value and headers, plus
 * where it came from and why ({@link DeadLetterHeaders}). Idempotent producer with acks=all; a batch waits for
 * every acknowledgement before it stores the offsets past them. Connects on first use, so startup does not wait
 * for the broker.
 */
@Component
public class DeadLetterTopic implements DeadLetterSender, DisposableBean {

    private final String bootstrap;
    private final DeadLetterProperties settings;
    private final Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean topicEnsured;

    public DeadLetterTopic(LedgerProperties ledger, DeadLetterProperties settings, Admin admin) {
        this.bootstrap = ledger.kafkaBootstrap();
        this.settings = settings;
        this.admin = admin;
    }

    public String name() {
        return settings.topic();
    }

    @Override
    public synchronized void send(List<Unapplied> letters) {
        ensureTopic();
        KafkaProducer<byte[], byte[]> sender = producer();
        String now = Instant.now().toString();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Unapplied letter : letters) {
            sent.add(sender.send(record(letter, now)));
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead-letter topic " + settings.topic()
                    + " did not acknowledge " + letters.size() + " record(s); the batch will be read again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending dead letters", e);
        }
    }

    private ProducerRecord<byte[], byte[]> record(Unapplied letter, String now) {
        RecordHeaders headers = new RecordHeaders();
        for (Header original : letter.record().headers()) {
            headers.add(original);
        }
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, letter.record().topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(letter.record().partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(letter.record().offset()));
        add(headers, DeadLetterHeaders.REASON, letter.reason().wireName());
        add(headers, DeadLetterHeaders.DETAIL, letter.detail());
        add(headers, DeadLetterHeaders.EVENT_TYPE, letter.eventType());
        add(headers, DeadLetterHeaders.TIME, now);
        return new ProducerRecord<>(settings.topic(), null, letter.record().key(), letter.record().value(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Created when missing, kept for ever: a dead letter waits for a query side that understands it. */
    private void ensureTopic() {
        if (topicEnsured) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(settings.topic(), Optional.empty(), Optional.empty())
                    .configs(Map.of("retention.ms", "-1")))).all().get(settings.sendTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the dead-letter topic " + settings.topic(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer whether the dead-letter topic exists", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the dead-letter topic", e);
        }
        topicEnsured = true;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.CLIENT_ID_CONFIG, "query-side-dead-letters",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    // A missing broker fails the batch (read again later) instead of holding the poll thread.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.sendTimeout().toMillis()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
