package io.sessionledger.faults.cluster;

import io.sessionledger.deploy.services.ServiceProcess;
import io.sessionledger.deploy.services.ServiceSpec;

import java.io.IOException;
import java.time.Duration;

/**
 * One instance of a service ({@code java -jar} with its environment), which the suite kills and the
 * supervisor starts again.
 */
public final class ServiceInstance {

    public enum Role { COMMAND, QUERY }

    private final Role role;
    private final ServiceSpec spec;
    private volatile ServiceProcess process;
    /** How many times it was started: a kill's caller waits for the next one. */
    private volatile int starts;
    /** Down on purpose: the supervisor leaves it alone until it is released. */
    private volatile boolean held;

    ServiceInstance(Role role, ServiceSpec spec) {
        this.role = role;
        this.spec = spec;
    }

    public String name() {
        return spec.name();
    }

    public Role role() {
        return role;
    }

    public String baseUrl() {
        return spec.baseUrl();
    }

    public long pid() {
        return process.pid();
    }

    synchronized void start() throws IOException {
        process = ServiceProcess.start(spec);
        starts++;
    }

    public void awaitHealthy(Duration timeout) throws InterruptedException {
        process.awaitHealthy(timeout);
    }

    /** SIGKILL, then waits until the supervisor has started it again and it is healthy. */
    public void killAndAwaitRestart(Duration timeout) throws InterruptedException {
        int before;
        synchronized (this) {
            before = starts;
            process.kill();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (starts == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " was not started again within " + timeout);
            }
            Thread.sleep(50);
        }
        process.awaitHealthy(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    synchronized boolean needsRestart() {
        return !held && process != null && !process.isAlive();
    }

    void hold(boolean down) {
        held = down;
    }

    synchronized void stop() {
        if (process != null) {
            process.close();
        }
    }

    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.requestStop();
        }
    }

    @Override
    public String toString() {
        return name() + " (" + baseUrl() + ")";
    }
}
