package io.sessionledger.faults;

/**
 * One injected fault and the stretch of the run it is answerable for: from the injection until the next
 * fault (or the end of the load). Requests are counted in the window in which they were sent.
 *
 * @param target        what was hit (an instance name, "kafka", "postgresql")
 * @param injectedNanos when the fault was injected ({@link System#nanoTime()}); {@code injectedMillis} the same on the wall clock
 * @param restoredNanos when the hit part was back (restarted and healthy)
 * @param endNanos      when the window closed
 */
public record FaultWindow(Fault fault, String target, long injectedNanos, long injectedMillis, long restoredNanos,
                          long endNanos, long endMillis) {

    public boolean containsNanos(long nanos) {
        return nanos >= injectedNanos && nanos < endNanos;
    }

    public boolean containsMillis(long millis) {
        return millis >= injectedMillis && millis < endMillis;
    }

    public double restoredAfterSeconds() {
        return (restoredNanos - injectedNanos) / 1e9;
    }
}
