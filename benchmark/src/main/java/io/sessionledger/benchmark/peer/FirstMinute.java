package io.sessionledger.benchmark.peer;

import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.load.RequestFactory;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The first minute after a start, as issue 11 measures it with {@code ab -n 2000} (no keep-alive, one client):
 * {@code requests} creates one after the other, each on a new connection, right after the service answers,
 * before any warm-up. Throughput is the successful requests over the whole time the requests took.
 */
public final class FirstMinute {

    private FirstMinute() {
    }

    /** @param seconds wall time from the first request sent to the last answer */
    public record Result(int requests, long succeeded, double seconds, Map<String, Long> errors, Latency latency) {

        public double throughput() {
            return seconds <= 0 ? 0 : succeeded / seconds;
        }
    }

    public static Result run(RequestFactory requests, int count) {
        Histogram micros = Latency.newMicrosHistogram();
        Map<String, Long> errors = new TreeMap<>();
        long succeeded = 0;
        long began = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long start = System.nanoTime();
            String failure;
            try {
                int status = OneShotHttp.send(requests.request(n));
                failure = status >= 200 && status < 300 ? null : Integer.toString(status);
            } catch (java.net.SocketTimeoutException e) {
                failure = "timeout";
            } catch (java.io.IOException | RuntimeException e) {
                failure = "io";
            }
            if (failure == null) {
                succeeded++;
                micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            } else {
                errors.merge(failure, 1L, Long::sum);
            }
        }
        return new Result(count, succeeded, (System.nanoTime() - began) / 1e9, errors, Latency.ofMicros(micros));
    }
}
