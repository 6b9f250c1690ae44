package io.sessionledger.benchmark.load;

import java.time.Duration;

/** Warm-up (not recorded) then the measured window; both bounded. */
public record Phases(Duration warmup, Duration measured) {

    /** Every request gives up after this; a slow answer is a failure, not a hang of the run. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Longer than the request timeout, so every request started in the window is counted one way or the other. */
    static final Duration DRAIN = REQUEST_TIMEOUT.plusSeconds(5);
}
