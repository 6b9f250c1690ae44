package io.sessionledger.faults.cluster;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a process supervisor does for the suite's processes: whatever exits while it is not held down is
 * started again within half a second, and said so. A kill by the suite is such an exit.
 */
final class Supervisor implements AutoCloseable {

    interface Supervised {
        String name();

        boolean needsRestart();

        void restart() throws Exception;
    }

    private final List<Supervised> watched = new CopyOnWriteArrayList<>();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "supervisor");
        thread.setDaemon(true);
        return thread;
    });

    void watch(Supervised process) {
        watched.add(process);
    }

    void start() {
        loop.scheduleWithFixedDelay(this::restartExited, 500, 250, TimeUnit.MILLISECONDS);
    }

    /** Every restart so far, one line each: when, what. */
    List<String> restarts() {
        return List.copyOf(restarts);
    }

    private void restartExited() {
        for (Supervised process : watched) {
            if (process.needsRestart()) {
                String line = Instant.now() + " " + process.name() + " exited: starting it again";
                System.out.println("[supervisor] " + line);
                restarts.add(line);
                try {
                    process.restart();
                } catch (Exception e) {
                    System.out.println("[supervisor] " + process.name() + " did not start: " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
