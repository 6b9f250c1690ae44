package io.sessionledger.benchmark.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed arrival rate, independent of how fast the system answers. Latency runs from the intended start,
 * so a stall is charged to every request it delayed (no coordinated omission). The in-flight cap only
 * bounds what a stalled system can pile up; requests it holds back are still charged from their slot, and
 * those it could not send before the window closed are counted as {@code unsent} failures.
 */
public final class OpenLoop {

    /** Called on the HTTP threads with every measured success; keep it cheap. */
    @FunctionalInterface
    public interface Acknowledged {
        void accept(HttpResponse<Void> response, long ackNanos);
    }

    private final HttpClient client;
    private final int maxInFlight;

    public OpenLoop(HttpClient client, int maxInFlight) {
        this.client = client;
        this.maxInFlight = maxInFlight;
    }

    public PhaseResult run(String scenario, RequestFactory requests, double perSecond, Phases phases,
                           Acknowledged onAck) throws InterruptedException {
        Tally tally = new Tally();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long period = Math.round(1e9 / perSecond);
        long begin = System.nanoTime();
        long measureFrom = begin + phases.warmup().toNanos();
        long measureUntil = measureFrom + phases.measured().toNanos();
        for (long n = 0; ; n++) {
            long intended = begin + n * period;
            if (intended >= measureUntil) {
                break;
            }
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire(Math.max(0, measureUntil - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                long firstMeasured = (measureFrom - begin + period - 1) / period;
                long lastSlot = (measureUntil - begin + period - 1) / period;
                tally.unsent(lastSlot - Math.max(n, firstMeasured));
                break;
            }
            boolean measured = intended >= measureFrom;
            client.sendAsync(requests.request(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        if (measured && tally.record(response, failure, now - intended)) {
                            onAck.accept(response, now);
                        }
                    });
        }
        if (!inFlight.tryAcquire(maxInFlight, Phases.DRAIN.toSeconds(), TimeUnit.SECONDS)) {
            System.err.printf("%s: requests still in flight after the drain time%n", scenario);
        }
        String mode = String.format("open %.0f/s", perSecond);
        return tally.result(scenario, mode, 0, phases.measured().toNanos() / 1e9);
    }
}
