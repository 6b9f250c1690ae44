package io.sessionledger.query.deadletter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tries the waiting dead letters again every {@code ledger.dead-letters.replay-interval}, so that nobody has to
 * remember to: after a rolling upgrade the new version applies what the old one dead-lettered, and an event that
 * came before its session's creation follows it once the creation is there. Asks the database only (one count)
 * while nothing waits.
 */
@Component
class PeriodicReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReplay.class);

    private final DeadLetterReplay replay;
    private final DeadLetterProperties settings;
    private ScheduledExecutorService scheduler;

    PeriodicReplay(DeadLetterReplay replay, DeadLetterProperties settings) {
        this.replay = replay;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        long every = settings.replayInterval().toMillis();
        if (scheduler != null || every <= 0) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-replay");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::replayIfAnyWaits, every, every, TimeUnit.MILLISECONDS);
    }

    private void replayIfAnyWaits() {
        try {
            if (replay.anyWaiting()) {
                replay.replay();
            }
        } catch (RuntimeException e) {
            log.warn("periodic dead-letter replay failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                // A replay in flight finishes its session's transaction before the database closes.
                while (!running.awaitTermination(1, TimeUnit.SECONDS)) {
                    log.info("waiting for the dead-letter replay in flight to finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
