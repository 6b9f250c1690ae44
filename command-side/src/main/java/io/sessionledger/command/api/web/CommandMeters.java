package io.sessionledger.command.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@value #METER}: every session command a request sends, from dispatch to answer (the publication wait
 * included), by dialect, command and outcome, with a latency histogram.
 */
@Component
public class CommandMeters {

    public static final String METER = "ledger.commands";

    /** What became of a command, as the operator tells them apart. */
    public enum Outcome {
        /** events stored and on Kafka */
        APPLIED,
        /** events stored, the publication wait ran out (answered with {@code x-ledger-consistency: pending}) */
        PENDING,
        /** nothing to change (a get-or-create that found its session, a repeated association) */
        UNCHANGED,
        /** refused by the session's rules (a conflict, a terminated session, a version mismatch) */
        REJECTED,
        /** the ledger did not answer in time, or failed */
        FAILED;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry meters;

    public CommandMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(String dialect, Object command, Outcome outcome, long nanos) {
        Timer.builder(METER).description("session commands, from dispatch to answer")
                .tag("dialect", dialect == null ? "none" : dialect)
                .tag("command", command.getClass().getSimpleName())
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }
}
