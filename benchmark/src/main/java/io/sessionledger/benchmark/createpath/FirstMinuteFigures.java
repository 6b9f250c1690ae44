package io.sessionledger.benchmark.createpath;

import io.sessionledger.benchmark.peer.FirstMinute;
import java.util.Map;

/** The first-minute test of one system, as reported. */
public record FirstMinuteFigures(String system, String scenario, int requests, long succeeded, double seconds,
                                 double perSecond, double p50Ms, double p99Ms, Map<String, Long> errors) {

    public static final String MODE = "first minute, no keep-alive";

    public static FirstMinuteFigures of(String system, String scenario, FirstMinute.Result result) {
        return new FirstMinuteFigures(system, scenario, result.requests(), result.succeeded(), result.seconds(),
                result.throughput(), result.latency().p50(), result.latency().p99(), result.errors());
    }
}
