package io.sessionledger.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesAreReadInMillisecondsFromMicroseconds() {
        Histogram micros = Latency.newMicrosHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            micros.recordValue(ms * 1000L);
        }
        Latency latency = Latency.ofMicros(micros);

        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.p50()).isCloseTo(50, within(0.1));
        assertThat(latency.p95()).isCloseTo(95, within(0.1));
        assertThat(latency.p99()).isCloseTo(99, within(0.1));
        assertThat(latency.max()).isCloseTo(100, within(0.1));
    }

    @Test
    void anEmptyHistogramIsNoneRatherThanAnError() {
        assertThat(Latency.ofMicros(Latency.newMicrosHistogram())).isEqualTo(Latency.NONE);
    }

    @Test
    void throughputCountsOnlySuccessesOverTheMeasuredWindow() {
        PhaseResult result = new PhaseResult("s", "closed", 4, 5.0, 1000, java.util.Map.of("503", 7L), Latency.NONE);

        assertThat(result.throughput()).isEqualTo(200.0);
        assertThat(result.errorCount()).isEqualTo(7);
    }
}
