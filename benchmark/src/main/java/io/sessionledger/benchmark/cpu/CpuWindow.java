package io.sessionledger.benchmark.cpu;

import io.sessionledger.benchmark.load.Phases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CPU used during the measured window of a phase that starts now (after its warm-up, for its measured time),
 * sampled by a thread of its own so the phase's code stays as it is.
 */
public final class CpuWindow {

    private final CompletableFuture<CpuUse> use = new CompletableFuture<>();

    private CpuWindow(CpuMeter meter, Phases phases) {
        long from = System.nanoTime() + phases.warmup().toNanos();
        long until = from + phases.measured().toNanos();
        Thread sampler = new Thread(() -> {
            try {
                sleepUntil(from);
                CpuSample start = meter.sample();
                sleepUntil(until);
                use.complete(meter.sample().since(start));
            } catch (InterruptedException e) {
                use.cancel(false);
            } catch (RuntimeException e) {
                use.completeExceptionally(e);
            }
        }, "bench-cpu-window");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static CpuWindow over(CpuMeter meter, Phases phases) {
        return new CpuWindow(meter, phases);
    }

    /** The window's CPU use, or null when it could not be read. */
    public CpuUse await() {
        try {
            return use.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            return null;
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
