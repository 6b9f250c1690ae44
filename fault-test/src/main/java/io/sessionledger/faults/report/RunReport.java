package io.sessionledger.faults.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sessionledger.faults.FaultWindow;
import io.sessionledger.faults.SuiteSettings;
import io.sessionledger.faults.check.CheckResult;
import io.sessionledger.faults.check.Verdict;
import io.sessionledger.faults.load.Op;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run's outcome: the numbers per fault and every invariant's verdict, as Markdown, JSON and a journal. */
public final class RunReport {

    private final SuiteSettings settings;
    private final Instant began;
    private final Duration took;
    private final List<WindowStats> stats = new ArrayList<>();
    private final List<Op> ops;
    private final Verdict verdict;
    private final long sessionsBehind;
    private final double convergedSeconds;
    private final String reconciliation;
    private final List<String> incidents;
    private final List<String> restarts;
    private final Path workDir;

    public RunReport(SuiteSettings settings, Instant began, Duration took, long loadStart, long loadStartMillis,
                     List<FaultWindow> windows, List<Op> ops, Verdict verdict, long sessionsBehind,
                     double convergedSeconds, String reconciliation, List<String> incidents, List<String> restarts,
                     Path workDir) {
        this.settings = settings;
        this.began = began;
        this.took = took;
        this.ops = ops;
        this.verdict = verdict;
        this.sessionsBehind = sessionsBehind;
        this.convergedSeconds = convergedSeconds;
        this.reconciliation = reconciliation;
        this.incidents = List.copyOf(incidents);
        this.restarts = restarts;
        this.workDir = workDir;
        long firstFault = windows.isEmpty() ? Long.MAX_VALUE : windows.get(0).injectedNanos();
        long firstFaultMillis = windows.isEmpty() ? Long.MAX_VALUE : windows.get(0).injectedMillis();
        stats.add(WindowStats.of("warm-up (no fault)", "-", ops, loadStart, firstFault, loadStartMillis,
                firstFaultMillis, -1, verdict.redelivered()));
        for (FaultWindow window : windows) {
            stats.add(WindowStats.of(window.fault().description(), window.target(), ops, window.injectedNanos(),
                    window.endNanos(), window.injectedMillis(), window.endMillis(), window.restoredNanos(),
                    verdict.redelivered()));
        }
    }

    public Verdict verdict() {
        return verdict;
    }

    public List<WindowStats> stats() {
        return List.copyOf(stats);
    }

    /** Every check that does not hold, less those named in {@code tolerated}. */
    public List<CheckResult> broken(Set<String> tolerated) {
        return verdict.checks().stream().filter(check -> !check.holds() && !tolerated.contains(check.name())).toList();
    }

    public boolean converged() {
        return sessionsBehind == 0;
    }

    /** Faults the system did not recover from within the bound (a part that did not come back). */
    public List<String> incidents() {
        return incidents;
    }

    /** Every invariant held (less the tolerated ones), the read model caught up, and every part came back. */
    public boolean passed(Set<String> tolerated) {
        return broken(tolerated).isEmpty() && converged() && incidents.isEmpty();
    }

    public String markdown() {
        return markdown(Set.of());
    }

    /** @param tolerated invariants known to break until other work lands: marked, not hidden */
    public String markdown(Set<String> tolerated) {
        StringBuilder md = new StringBuilder("# Fault injection report (" + settings.form() + " form)\n\n");
        md.append(String.format("%s, %d s in all; %d clients, %d round(s); %d requests (%d writes, %d reads); "
                        + "store: %d events of %d sessions; topic: %d records.%n%n", began, took.toSeconds(),
                settings.clients(), settings.rounds(), ops.size(), ops.stream().filter(op -> op.kind().isWrite()).count(),
                ops.stream().filter(op -> !op.kind().isWrite()).count(), verdict.storedEvents(),
                verdict.storedSessions(), verdict.topicRecords()));
        md.append("| fault | hit | requests | failed (writes / reads) | recovered after | fresh after | back after "
                + "| redelivered | acked writes | pending | stale reads |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WindowStats window : stats) {
            md.append(String.format("| %s | %s | %d | %d (%d / %d) | %.1f s | %.1f s | %s | %d | %d | %d | %d |%n",
                    window.name(), window.target(), window.requests(), window.failed(), window.failedWrites(),
                    window.failedReads(), window.recoveredSeconds(), window.freshSeconds(),
                    window.backSeconds() > 0 ? String.format("%.1f s", window.backSeconds()) : "-",
                    window.redelivered(), window.writesAcknowledged(), window.pendingWrites(), window.staleReads()));
        }
        incidents.forEach(incident -> md.append("\n**Incident:** ").append(incident).append('\n'));
        md.append("\n").append(converged() ? String.format("The read model caught up with the store %.1f s after the load "
                + "stopped.", convergedSeconds)
                : "**The read model did not catch up**: " + sessionsBehind + " sessions behind after "
                + settings.convergeWithin().toSeconds() + " s.").append("\n\nAfter it, ").append(reconciliation)
                .append(".\n\n## Invariants\n\n");
        for (CheckResult check : verdict.checks()) {
            md.append(String.format("- **%s** %s: %s (%d examined, %d broken)%n", check.holds() ? "HOLDS"
                            : tolerated.contains(check.name()) ? "BROKEN (tolerated: a known gap)" : "BROKEN",
                    check.name(), check.promise(), check.examinedCount(), check.violationCount()));
            check.notes().forEach(note -> md.append("  - ").append(note).append('\n'));
            check.examples().forEach(example -> md.append("  - e.g. ").append(example).append('\n'));
        }
        md.append("\n## Supervisor\n\n");
        restarts.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nLogs of every process: `").append(workDir.resolve("logs")).append("`\n");
        return md.toString();
    }

    /** report.md, report.json and journal.csv (every request) into {@code dir}. */
    public void write(Path dir, Set<String> tolerated) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), markdown(tolerated));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("form", settings.form());
            json.put("began", began.toString());
            json.put("seconds", took.toSeconds());
            json.put("windows", stats);
            json.put("converged", converged());
            json.put("convergedSeconds", convergedSeconds);
            json.put("reconciliation", reconciliation);
            json.put("incidents", incidents);
            json.put("checks", verdict.checks().stream().map(check -> Map.of("name", check.name(),
                    "holds", check.holds(), "tolerated", tolerated.contains(check.name()), "examined", check.examinedCount(), "broken", check.violationCount(),
                    "examples", check.examples(), "notes", check.notes())).toList());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), json);
            StringBuilder csv = new StringBuilder("client,kind,request_id,target,start_ms,duration_ms,status,version,pending,stale,written,session_id,failure\n");
            for (Op op : ops) {
                csv.append(String.join(",", Integer.toString(op.client()), op.kind().name(), op.requestId(),
                        String.valueOf(op.target()), Long.toString(op.startMillis()),
                        Long.toString((op.endNanos() - op.startNanos()) / 1_000_000), Integer.toString(op.status()),
                        String.valueOf(op.version()), Boolean.toString(op.pending()), Boolean.toString(op.stale()),
                        String.valueOf(op.written()), String.valueOf(op.sessionId()),
                        op.failure() == null ? "" : '"' + op.failure().replace("\"", "'") + '"')).append('\n');
            }
            Files.writeString(dir.resolve("journal.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
