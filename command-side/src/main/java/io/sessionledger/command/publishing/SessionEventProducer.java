package io.sessionledger.command.publishing;

import io.sessionledger.command.config.LedgerProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The idempotent, {@code acks=all} producer. After any failure it is replaced, so that a batch that is
 * sent again never shares a producer session with the attempt that failed.
 */
@Component
public class SessionEventProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SessionEventProducer.class);

    private final LedgerProperties properties;
    private volatile Producer<byte[], byte[]> producer;

    public SessionEventProducer(LedgerProperties properties) {
        this.properties = properties;
    }

    public Duration sendTimeout() {
        return properties.kafka().sendTimeout();
    }

    public String topic() {
        return properties.kafka().topic();
    }

    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    /**
     * The direct path's send: {@code done} hears the ack or the failure (on the producer's thread). A failure resets
     * the producer, as {@link #await} does, so that what the catch-up reader sends again goes out in a new session.
     */
    public void send(ProducerRecord<byte[], byte[]> record, Callback done) {
        Producer<byte[], byte[]> current = producer();
        try {
            current.send(record, (metadata, error) -> {
                if (error != null) {
                    resetIfStill(current);
                }
                done.onCompletion(metadata, error);
            });
        } catch (RuntimeException e) {
            resetIfStill(current);
            throw e;
        }
    }

    public RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get(properties.kafka().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not acknowledge a session event, the batch will be sent again: {}", e.toString());
            reset();
            throw new PublicationFailed("Kafka did not acknowledge the batch", e);
        }
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config(), new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Map<String, Object> config() {
        LedgerProperties.Kafka kafka = properties.kafka();
        int sendTimeoutMs = (int) kafka.sendTimeout().toMillis();
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, (int) kafka.linger().toMillis(),
                // No compression: small JSON over loopback or a LAN; lz4 framing cost more CPU than it saved.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeoutMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs + (int) kafka.linger().toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "session-ledger-publisher");
    }

    /** Resets unless a failure already replaced this producer (closing it from its own thread: at once). */
    private void resetIfStill(Producer<byte[], byte[]> failed) {
        synchronized (this) {
            if (producer != failed) {
                return;
            }
            producer = null;
        }
        failed.close(Duration.ZERO);
    }

    private synchronized void reset() {
        Producer<byte[], byte[]> failed = producer;
        producer = null;
        if (failed != null) {
            failed.close(Duration.ZERO);
        }
    }

    /**
     * Closed last, after the publisher drained and Axon stopped the processor: whatever is still buffered gets
     * the send timeout to go out (a reset after a failure closes at once instead).
     */
    @Override
    public void destroy() {
        Producer<byte[], byte[]> closing;
        synchronized (this) {
            closing = producer;
            producer = null;
        }
        if (closing != null) {
            closing.close(properties.kafka().sendTimeout());
        }
    }

    /** The batch was not acknowledged; the processor keeps its token and tries again. */
    public static class PublicationFailed extends RuntimeException {
        PublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
