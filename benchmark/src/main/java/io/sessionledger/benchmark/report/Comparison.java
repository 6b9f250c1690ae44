package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A figure next to the physical reference measured in the same run: absolute numbers drift on shared
 * machines, ratios to raw single-row inserts much less. Throughput ratio above 1 is faster than the
 * reference; p99 ratio above 1 is slower.
 */
public record Comparison(int referenceConcurrency, double referenceTps, double referenceP99,
                         Double throughputRatio, Double p99Ratio) {

    /** Against the reference at the same concurrency, or the nearest one measured. */
    public static Optional<Comparison> of(Double throughput, Latency latency, int concurrency,
                                          List<ReferenceResult> references) {
        return references.stream()
                .min(Comparator.comparingInt(r -> Math.abs(r.concurrency() - concurrency)))
                .map(ref -> new Comparison(ref.concurrency(), ref.tps(), ref.latency().p99(),
                        throughput == null ? null : ratio(throughput, ref.tps()),
                        latency == null || latency.count() == 0 ? null : ratio(latency.p99(), ref.latency().p99())));
    }

    static Double ratio(double value, double reference) {
        return reference > 0 ? value / reference : null;
    }
}
