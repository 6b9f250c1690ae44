package io.sessionledger.query.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@value #METER}: records on the topic that this instance has not yet projected, over the partitions it
 * projects (the broker's end offsets against the committed positions), read when scraped. Several instances
 * each report their own partitions, so the sum over instances is the read model's lag. NaN when the broker
 * does not answer within the read timeout. {@value #WAITING}: reads waiting at the barrier right now.
 */
@Component
public class ProjectionLagGauge {

    public static final String METER = "ledger.projection.lag";
    public static final String WAITING = "ledger.read.barrier.waiting";

    private final EndOffsets endOffsets;
    private final ProjectionPositions positions;
    private final long timeoutMillis;

    public ProjectionLagGauge(EndOffsets endOffsets, ProjectionPositions positions, ConsistencyProperties consistency,
                              MeterRegistry meters) {
        this.endOffsets = endOffsets;
        this.positions = positions;
        this.timeoutMillis = Math.max(1, consistency.readTimeout().toMillis());
        Gauge.builder(METER, this, ProjectionLagGauge::recordsBehind).baseUnit("records")
                .description("records on the topic not yet projected by this instance").register(meters);
        Gauge.builder(WAITING, positions, ProjectionPositions::waitingReads)
                .description("reads waiting at the barrier for the projection right now").register(meters);
    }

    double recordsBehind() {
        Map<Integer, Long> projected = positions.localPositions();
        if (projected.isEmpty()) {
            return 0;
        }
        Map<Integer, Long> ends;
        try {
            ends = endOffsets.latest().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
        long behind = 0;
        for (Map.Entry<Integer, Long> partition : projected.entrySet()) {
            behind += Math.max(0, ends.getOrDefault(partition.getKey(), 0L) - partition.getValue());
        }
        return behind;
    }
}
