package io.sessionledger.benchmark.rebuild;

/**
 * How fast the read model can be rebuilt. {@code source} says what was measured: the system's own rebuild
 * endpoint, or (while that is absent) the plain read rate of the topic, which bounds any rebuild from it.
 */
public record RebuildRate(String source, long events, double seconds, double eventsPerSecond, String note) {
}
