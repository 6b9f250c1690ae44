package io.sessionledger.faults;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard a run is.
 *
 * @param clients          load clients, each in a closed loop
 * @param pause            each client's pause between two requests
 * @param requestTimeout   a request without an answer by then counts as answered not at all
 * @param warmUp           load before the first fault
 * @param hold             load after a faulted part is back, before the next fault
 * @param rounds           how many times the faults are injected in turn
 * @param convergeWithin   after the load, the bound for the read model to catch up with the store
 * @param limit            the whole run, startup included: past it the run is stopped and fails
 */
public record SuiteSettings(String form, int clients, Duration pause, Duration requestTimeout, Duration warmUp,
                            Duration hold, int rounds, List<Fault> faults, Duration convergeWithin, Duration limit) {

    /** What CI runs: every fault once, a few seconds of load around each (about three minutes in all). */
    public static SuiteSettings shortForm(List<Fault> faults) {
        return new SuiteSettings("short", 6, Duration.ofMillis(40), Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1, faults, Duration.ofSeconds(90), Duration.ofMinutes(8));
    }

    /** The documented long form: more clients, every fault three times, half a minute of load after each. */
    public static SuiteSettings longForm(List<Fault> faults) {
        return new SuiteSettings("long", 8, Duration.ofMillis(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 3, faults, Duration.ofSeconds(120), Duration.ofMinutes(40));
    }

    public SuiteSettings withRounds(int count) {
        return new SuiteSettings(form, clients, pause, requestTimeout, warmUp, hold, count, faults, convergeWithin, limit);
    }

    public SuiteSettings withClients(int count) {
        return new SuiteSettings(form, count, pause, requestTimeout, warmUp, hold, rounds, faults, convergeWithin, limit);
    }

    public SuiteSettings withHold(Duration other) {
        return new SuiteSettings(form, clients, pause, requestTimeout, warmUp, other, rounds, faults, convergeWithin, limit);
    }
}
