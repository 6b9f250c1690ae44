package io.sessionledger.benchmark.createpath;

import io.sessionledger.benchmark.cpu.CpuMeter;
import io.sessionledger.benchmark.cpu.CpuSample;
import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.load.Phases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPU and database counters read at the start and at the end of the measured window of a phase that starts now,
 * by a thread of its own, so the load generator's code stays as it is. The database may be null (CPU only).
 */
public final class CostWindow {

    /** What the window used; {@code database} null when it was not read (or could not be). */
    public record Use(CpuUse cpu, DbCounters database) {
    }

    private final CompletableFuture<Use> use = new CompletableFuture<>();

    private CostWindow(CpuMeter cpu, DbCounterReader database, Phases phases) {
        long from = System.nanoTime() + phases.warmup().toNanos();
        long until = from + phases.measured().toNanos();
        Thread sampler = new Thread(() -> {
            try {
                sleepUntil(from);
                CpuSample cpuStart = cpu.sample();
                DbCounters dbStart = read(database);
                sleepUntil(until);
                CpuSample cpuEnd = cpu.sample();
                DbCounters dbEnd = read(database);
                use.complete(new Use(cpuEnd.since(cpuStart),
                        dbStart == null || dbEnd == null ? null : dbEnd.since(dbStart)));
            } catch (InterruptedException e) {
                use.cancel(false);
            } catch (RuntimeException e) {
                use.completeExceptionally(e);
            }
        }, "bench-cost-window");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static CostWindow over(CpuMeter cpu, DbCounterReader databaseOrNull, Phases phases) {
        return new CostWindow(cpu, databaseOrNull, phases);
    }

    /** The window's use, or null when it could not be read. */
    public Use await() {
        try {
            return use.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            return null;
        }
    }

    private static DbCounters read(DbCounterReader database) {
        if (database == null) {
            return null;
        }
        try {
            return database.read();
        } catch (Exception e) {
            System.err.println("database counters not read: " + e);
            return null;
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
