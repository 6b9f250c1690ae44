package io.sessionledger.benchmark.load;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** What the load drivers record: successes into a wait-free histogram, failures counted by status. */
final class Tally {

    private final Recorder micros = new Recorder(3);
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** @return true when the response counts as a success (2xx) */
    boolean record(HttpResponse<?> response, Throwable failure, long latencyNanos) {
        if (failure != null) {
            errors.computeIfAbsent(kind(failure), k -> new LongAdder()).increment();
            return false;
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            errors.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
            return false;
        }
        succeeded.increment();
        micros.recordValue(Math.max(1, latencyNanos / 1000));
        return true;
    }

    void unsent(long count) {
        if (count > 0) {
            errors.computeIfAbsent("unsent", k -> new LongAdder()).add(count);
        }
    }

    /** {@code timeout} or {@code io}: the two ways a request fails without a status. */
    static String kind(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? "timeout" : "io";
    }

    PhaseResult result(String scenario, String mode, int concurrency, double seconds) {
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((status, n) -> counted.put(status, n.sum()));
        return new PhaseResult(scenario, mode, concurrency, seconds, succeeded.sum(), counted,
                Latency.ofMicros(micros.getIntervalHistogram()));
    }
}
