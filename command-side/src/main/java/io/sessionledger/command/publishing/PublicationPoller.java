package io.sessionledger.command.publishing;

import io.sessionledger.command.config.LedgerProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's waiting writes that their events are on Kafka when another instance's publisher sent them:
 * while any write waits, it reads the shared {@code published_session} rows of the waiting sessions every
 * {@code ledger.consistency.publication-poll-interval} and reports them to the tracker. One query per interval for
 * all waiters, and none while nobody waits. While this instance's publisher holds the segment, its own acks wake
 * the waiters at once, and only a wait older than {@link #HOLDER_GRACE} is polled for (the segment may have moved).
 */
@Component
public class PublicationPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationPoller.class);
    private static final Duration HOLDER_GRACE = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final PublicationTracker tracker;
    private final PublishedSessions shared;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    public PublicationPoller(PublicationTracker tracker, PublishedSessions shared,
                             ObjectProvider<EventProcessingConfiguration> processing, LedgerProperties properties) {
        this.tracker = tracker;
        this.shared = shared;
        this.processing = processing;
        this.interval = properties.consistency().publicationPollInterval();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "publication-poller");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                boolean holder = publishesHere();
                List<String> waiting = tracker.waitingSessions(holder ? HOLDER_GRACE.toNanos() : 0);
                if (!waiting.isEmpty()) {
                    shared.find(waiting).forEach((id, acked) ->
                            tracker.published(id, acked.version(), acked.position()));
                    TimeUnit.NANOSECONDS.sleep(interval.toNanos());
                } else if (holder) {
                    TimeUnit.NANOSECONDS.sleep(HOLDER_GRACE.toNanos() / 4);
                } else {
                    tracker.awaitFirstWaiter(IDLE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // the database may be away for a while; the waits time out meanwhile
                log.warn("cannot read the published sessions, trying again: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Whether this instance's publisher holds a segment now (with one segment: publishes everything). */
    private boolean publishesHere() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        return configuration != null && configuration
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
    }

    private void sleepQuietly() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
