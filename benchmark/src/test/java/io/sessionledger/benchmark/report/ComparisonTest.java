package io.sessionledger.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final List<ReferenceResult> REFERENCES = List.of(
            new ReferenceResult(1, 5, 2500, 500, new Latency(2500, 1.5, 3, 4, 9, 2)),
            new ReferenceResult(16, 5, 20000, 4000, new Latency(20000, 3, 8, 10, 30, 4)));

    @Test
    void comparesWithTheReferenceAtTheSameConcurrency() {
        Comparison c = Comparison.of(2000.0, new Latency(1, 5, 10, 25, 40, 6), 16, REFERENCES).orElseThrow();

        assertThat(c.referenceConcurrency()).isEqualTo(16);
        assertThat(c.throughputRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(c.p99Ratio()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void fallsBackToTheNearestMeasuredConcurrency() {
        Comparison c = Comparison.of(250.0, null, 4, REFERENCES).orElseThrow();

        assertThat(c.referenceConcurrency()).isEqualTo(1);
        assertThat(c.throughputRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(c.p99Ratio()).isNull();
    }

    @Test
    void withoutAReferenceThereIsNoRatio() {
        assertThat(Comparison.of(250.0, null, 4, List.of())).isEmpty();
    }
}
