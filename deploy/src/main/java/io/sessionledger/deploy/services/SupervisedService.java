package io.sessionledger.deploy.services;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A service the launcher keeps running, as a process supervisor would: when its JVM exits without being asked
 * to, it is started again from the same spec (same port, same log file, appended), and the launcher says so.
 * A service that dies again soon after a restart waits before the next one, longer each time (up to 30 s), so a
 * service that cannot start does not spin.
 */
public final class SupervisedService implements AutoCloseable {

    private static final Duration STABLE = Duration.ofSeconds(60);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final ServiceSpec spec;
    private final Duration startupTimeout;
    private final Consumer<String> announce;
    private volatile ServiceProcess current;
    private volatile int restarts;
    private boolean stopping;
    private Thread watcher;

    private SupervisedService(ServiceSpec spec, Duration startupTimeout, Consumer<String> announce,
                              ServiceProcess first) {
        this.spec = spec;
        this.startupTimeout = startupTimeout;
        this.announce = announce;
        this.current = first;
    }

    /** Starts the service's JVM; supervision begins with {@link #supervise()}, once the whole system is up. */
    public static SupervisedService start(ServiceSpec spec, Duration startupTimeout, Consumer<String> announce)
            throws IOException {
        return new SupervisedService(spec, startupTimeout, announce, ServiceProcess.start(spec));
    }

    public void awaitHealthy() throws InterruptedException {
        current.awaitHealthy(startupTimeout);
    }

    public synchronized void supervise() {
        if (watcher == null && !stopping) {
            watcher = new Thread(this::watch, "supervise-" + spec.name());
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    public String name() {
        return spec.name();
    }

    /** The pid of the JVM running now (a restart changes it). */
    public long pid() {
        return current.pid();
    }

    /** How many times it was started again after dying. */
    public int restarts() {
        return restarts;
    }

    public java.nio.file.Path logFile() {
        return spec.logFile();
    }

    private void watch() {
        Duration delay = Duration.ZERO;
        while (true) {
            ServiceProcess process = current;
            long startedAt = System.nanoTime();
            int code;
            try {
                code = process.awaitExit();
            } catch (InterruptedException e) {
                return;
            }
            if (isStopping()) {
                return;
            }
            boolean diedSoon = System.nanoTime() - startedAt < STABLE.toNanos();
            delay = diedSoon ? next(delay) : Duration.ZERO;
            restarts++;
            announce.accept(spec.name() + " (pid " + process.pid() + ") exited with code " + code + "; restarting it"
                    + (delay.isZero() ? "" : " in " + delay.toSeconds() + " s") + " (restart " + restarts + ")");
            if (!restart(delay)) {
                return;
            }
        }
    }

    /** @return false once the launcher is stopping */
    private boolean restart(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            ServiceProcess started;
            synchronized (this) {
                if (stopping) {
                    return false;
                }
                started = ServiceProcess.start(spec);
                current = started;
            }
            started.awaitHealthy(startupTimeout);
            announce.accept(spec.name() + " is up again (pid " + started.pid() + ")");
        } catch (InterruptedException e) {
            return false;
        } catch (StartupFailure e) {
            announce.accept(spec.name() + " did not come up again: " + e.getMessage().lines().findFirst().orElse(""));
            try {
                current.kill(); // running but never healthy: the watch loop sees it exit and tries again
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        } catch (IOException | RuntimeException e) {
            announce.accept(spec.name() + " could not be started again: " + e);
            return false;
        }
        return true;
    }

    private static Duration next(Duration delay) {
        Duration doubled = delay.isZero() ? Duration.ofSeconds(1) : delay.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Asks the running JVM to stop (SIGTERM) without waiting, and ends supervision. */
    public void requestStop() {
        synchronized (this) {
            stopping = true;
            if (watcher != null) {
                watcher.interrupt();
            }
        }
        current.requestStop();
    }

    /** Ends supervision, then SIGTERM, a grace period, SIGKILL. */
    @Override
    public void close() {
        requestStop();
        current.close();
    }
}
