package io.sessionledger.benchmark;

import io.sessionledger.benchmark.createpath.CreatePathReport;
import io.sessionledger.benchmark.lag.LagRun;
import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.rebuild.RebuildRate;
import io.sessionledger.benchmark.reference.ReferenceResult;
import io.sessionledger.benchmark.report.AuditCosts;
import io.sessionledger.benchmark.report.Comparison;
import io.sessionledger.benchmark.report.Results;
import io.sessionledger.benchmark.report.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's figures as they come in, each paired with the reference. Sequential figures (lag, rebuild)
 * are compared with the single-client reference.
 */
final class Collected {

    private final Settings settings;
    private final String stamp;
    private final List<ReferenceResult> references = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private AuditCosts audit;
    private boolean errors;
    private CreatePathReport createPath;

    Collected(Settings settings, String stamp) {
        this.settings = settings;
        this.stamp = stamp;
    }

    void reference(ReferenceResult result) {
        references.add(result);
    }

    void note(String note) {
        System.err.println("note: " + note);
        notes.add(note);
    }

    void failed(String note) {
        errors = true;
        note(note);
    }

    void phase(PhaseResult result, int referenceConcurrency, String note) {
        if (result.errorCount() > 0) {
            errors = true;
            String clients = result.concurrency() > 0 ? ", " + result.concurrency() + " clients" : "";
            note(String.format("%s (%s%s) had %d failed requests: %s", result.scenario(), result.mode(), clients,
                    result.errorCount(), result.errors()));
        }
        rows.add(new Row(result.scenario(), result.mode(), result.concurrency(), result.throughput(),
                result.latency(), result.errors(), compare(result.throughput(), result.latency(),
                result.concurrency() > 0 ? result.concurrency() : referenceConcurrency), note));
    }

    /** A sequential rate (events per second) with what it covered in {@code mode}; compared with one client. */
    void rate(String name, String mode, double perSecond, String note) {
        rows.add(new Row(name, mode, 0, perSecond, null, Map.of(), compare(perSecond, null, 1), note));
    }

    /** A latency without a throughput (one operation at a time). */
    void latency(String name, String mode, Latency latency, String note) {
        rows.add(new Row(name, mode, 1, null, latency, Map.of(), null, note));
    }

    void audit(AuditCosts costs) {
        this.audit = costs;
    }

    void lag(LagRun.Outcome outcome, long pollMicros) {
        String note = String.format("ack -> projected (projection_offset poll every %d µs); %d writes never seen "
                + "within 10 s; %d acks without x-ledger-position", pollMicros, outcome.unresolved(),
                outcome.withoutPosition());
        if (outcome.unresolved() > 0 || outcome.withoutPosition() > 0) {
            errors = true;
        }
        rows.add(new Row("write->readable lag", outcome.writes().mode(), 0, null, outcome.lag(), Map.of(),
                compare(null, outcome.lag(), 1), note));
    }

    void rebuild(RebuildRate rate) {
        rows.add(new Row("rebuild-endpoint".equals(rate.source()) ? "projection rebuild" : rate.source(),
                String.format("%,d events in %.1f s", rate.events(), rate.seconds()), 0, rate.eventsPerSecond(),
                null, Map.of(), compare(rate.eventsPerSecond(), null, 1), rate.note()));
    }

    void createPath(CreatePathReport report) {
        this.createPath = report;
    }

    boolean hadErrors() {
        return errors;
    }

    Results results() {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("warmupSeconds", settings.phases().warmup().toSeconds());
        used.put("measuredSeconds", settings.phases().measured().toSeconds());
        used.put("createConcurrency", settings.createConcurrency());
        used.put("readConcurrency", settings.readConcurrency());
        used.put("lagRatePerSecond", settings.lagRate());
        used.put("bulkSessions", settings.bulkSessions());
        used.put("auditEvents", settings.audit().events());
        used.put("auditWrites", settings.audit().writes());
        used.put("cores", Runtime.getRuntime().availableProcessors());
        return new Results(stamp, settings.baseUrl().toString(), used, List.copyOf(references), List.copyOf(rows),
                List.copyOf(notes), createPath, audit);
    }

    private Comparison compare(Double throughput, Latency latency, int concurrency) {
        return Comparison.of(throughput, latency, concurrency, references).orElse(null);
    }
}
