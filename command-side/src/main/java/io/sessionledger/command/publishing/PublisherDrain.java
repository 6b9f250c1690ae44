package io.sessionledger.command.publishing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shutdown's last word on publication: once the web server has answered its last request and stopped (its
 * lifecycle phases are higher, so they stop first), wait until the catch-up reader has stored a token past every
 * committed event (each one then on Kafka, sent by the write path or by the reader itself); only then may Axon stop the processor (a lower phase) and the producer close (a bean,
 * destroyed after every lifecycle). Bounded by {@code ledger.shutdown.publish-timeout}: with the broker down,
 * what is left is published by the next start, since the store is the outbox.
 */
@Component
public class PublisherDrain implements SmartLifecycle {

    /**
     * Below the web server's phases (Integer.MAX_VALUE - 1024 for the graceful wait, - 2048 for its stop), above
     * Axon's configuration (SpringAxonConfiguration: - 3072, which stops the processors).
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2560;
    private static final Logger log = LoggerFactory.getLogger(PublisherDrain.class);
    private static final long POLL_MILLIS = 50;

    private final StorePosition store;
    private final CatchUpSource catchUp;
    private final Duration timeout;
    private volatile boolean running;

    public PublisherDrain(StorePosition store, CatchUpSource catchUp,
                          @Value("${ledger.shutdown.publish-timeout:15s}") Duration timeout) {
        this.store = store;
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            long behind = store.eventsBehind();
            if (behind > 0) {
                log.info("shutting down: waiting for the publisher to put {} committed events on Kafka", behind);
            }
            while (behind > 0 && System.nanoTime() < deadline) {
                catchUp.wake(); // it reads the store a few times a second; now, the last events are what it waits for
                Thread.sleep(POLL_MILLIS);
                behind = store.eventsBehind();
            }
            if (behind > 0) {
                log.warn("shutting down with {} committed events not yet on Kafka (after {}); the next start "
                        + "publishes them", behind, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("shutting down without knowing whether every committed event is on Kafka: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
