package io.sessionledger.benchmark.load;

import org.HdrHistogram.Histogram;

/** Percentiles in milliseconds, taken from a histogram recorded in microseconds. */
public record Latency(long count, double p50, double p95, double p99, double max, double mean) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);

    public static Latency ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    /** Range fits any request we would wait for: 1 µs to 10 minutes at 3 significant digits. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
