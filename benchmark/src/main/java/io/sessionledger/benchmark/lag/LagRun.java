package io.sessionledger.benchmark.lag;

import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.load.OpenLoop;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.load.RequestFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates at a fixed offered rate (open loop) while the watcher resolves when each acknowledged write
 * became readable on the query side.
 */
public final class LagRun {

    /** The create latency at that rate (from the intended start) and the write-to-readable lag. */
    public record Outcome(PhaseResult writes, Latency lag, long unresolved, long withoutPosition) {
    }

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private LagRun() {
    }

    public static Outcome run(OpenLoop load, String scenario, RequestFactory creates, double perSecond,
                              Phases phases, VisibilityWatcher watcher) throws Exception {
        AtomicBoolean loadDone = new AtomicBoolean();
        AtomicLong withoutPosition = new AtomicLong();
        CompletableFuture<Latency> lag = CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.watch(loadDone::get, GRACE_NANOS);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("visibility poll failed", e);
            }
        });
        PhaseResult writes;
        try {
            writes = load.run(scenario, creates, perSecond, phases, (response, ackNanos) -> {
                String position = response.headers().firstValue("x-ledger-position").orElse(null);
                if (!watcher.acknowledged(position, ackNanos)) {
                    withoutPosition.incrementAndGet();
                }
            });
        } finally {
            loadDone.set(true);
        }
        Latency lagLatency = lag.get(GRACE_NANOS * 2, TimeUnit.NANOSECONDS);
        return new Outcome(writes, lagLatency, watcher.unresolved(), withoutPosition.get());
    }
}
