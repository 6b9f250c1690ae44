package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as markdown: the system's figures with their ratios, then the reference, then the notes. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Results results) {
        StringBuilder md = new StringBuilder("# Session Ledger benchmark, " + results.startedAt() + "\n\n")
                .append("Target: ").append(results.baseUrl()).append("  \n")
                .append("Ratios: against pgbench single-row event inserts at the same concurrency, same run ")
                .append("(x ref tput > 1 = faster than raw inserts; x ref p99 > 1 = slower).\n\n")
                .append("| scenario | mode | clients | per s | x ref tput | p50 ms | p95 ms | p99 ms | x ref p99 "
                        + "| max ms | errors | note |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : results.rows()) {
            Latency l = row.latency();
            Comparison c = row.vsReference();
            md.append("| ").append(row.name()).append(" | ").append(row.mode()).append(" | ")
                    .append(row.concurrency() > 0 ? Integer.toString(row.concurrency()) : "-").append(" | ")
                    .append(row.throughput() == null ? "-" : num(row.throughput(), 0)).append(" | ")
                    .append(c == null ? "-" : ratio(c.throughputRatio())).append(" | ")
                    .append(l == null ? "- | - | -" : ms(l.p50()) + " | " + ms(l.p95()) + " | " + ms(l.p99()))
                    .append(" | ").append(c == null ? "-" : ratio(c.p99Ratio())).append(" | ")
                    .append(l == null ? "-" : ms(l.max())).append(" | ")
                    .append(errors(row.errors())).append(" | ")
                    .append(row.note() == null ? "" : row.note()).append(" |\n");
        }
        md.append("\n## Reference: pgbench, one event-sized row per transaction\n\n")
                .append("| clients | seconds | transactions | tps | p50 ms | p95 ms | p99 ms | max ms |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ReferenceResult ref : results.reference()) {
            Latency l = ref.latency();
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %d | %s | %s | %s | %s | %s |%n", ref.concurrency(),
                    ref.seconds(), ref.transactions(), num(ref.tps(), 0), ms(l.p50()), ms(l.p95()), ms(l.p99()),
                    ms(l.max())));
        }
        if (results.createPath() != null) {
            md.append(CreatePathMarkdown.render(results.createPath()));
        }
        if (results.audit() != null) {
            md.append(AuditMarkdown.render(results.audit()));
        }
        if (!results.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            results.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    static String errors(Map<String, Long> errors) {
        if (errors == null || errors.isEmpty()) {
            return "0";
        }
        return "**" + errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + "**";
    }

    static String ratio(Double value) {
        return value == null ? "-" : num(value, 2) + "x";
    }

    static String ms(double value) {
        return num(value, value < 10 ? 2 : 1);
    }

    static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
