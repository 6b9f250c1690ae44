package io.sessionledger.benchmark.report;

import static io.sessionledger.benchmark.report.MarkdownReport.errors;
import static io.sessionledger.benchmark.report.MarkdownReport.ms;
import static io.sessionledger.benchmark.report.MarkdownReport.num;

import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.createpath.CreatePathReport;
import io.sessionledger.benchmark.createpath.CreatePhase;
import io.sessionledger.benchmark.createpath.DbCounters;
import io.sessionledger.benchmark.createpath.FirstMinuteFigures;
import io.sessionledger.benchmark.createpath.PeerRatio;

/** The create path's section of results.md: costs per create, the ratios to the naive peer, the first minute. */
public final class CreatePathMarkdown {

    static final String NOT_AVAILABLE = "n/a";

    private CreatePathMarkdown() {
    }

    public static String render(CreatePathReport report) {
        StringBuilder md = new StringBuilder("\n## Creates: cost per create and the naive Axon peer\n\n")
                .append("Naive peer (`../shared/peers/`): ").append(report.peer()).append(".  \n")
                .append("Database counters: ").append(report.database()).append(". Deltas over each phase's ")
                .append("measured window divided by the creates acknowledged in it (the peer's: its own database).\n\n")
                .append("| system | scenario | clients | creates | per s | p99 ms | commits / create | rollbacks "
                        + "| statements | tuples inserted | updated | deleted | fetched | returned "
                        + "| CPU ms / create, machine | load generator | cores busy |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CreatePhase phase : report.phases()) {
            DbCounters.PerCreate db = phase.database();
            CpuUse.PerOperation cpu = phase.cpu();
            md.append("| ").append(phase.system()).append(" | ").append(phase.scenario()).append(" | ")
                    .append(phase.concurrency()).append(" | ").append(phase.creates()).append(" | ")
                    .append(num(phase.perSecond(), 0)).append(" | ").append(ms(phase.p99Ms())).append(" | ")
                    .append(db == null ? "- | - | - | - | - | - | - | -" : per(db.commits()) + " | "
                            + per(db.rollbacks()) + " | " + (db.statements() == null ? "-" : per(db.statements()))
                            + " | " + per(db.inserted()) + " | " + per(db.updated()) + " | " + per(db.deleted())
                            + " | " + per(db.fetched()) + " | " + per(db.returned()))
                    .append(" | ").append(cpu == null ? "- | - | -" : num(cpu.machineMs(), 3) + " | "
                            + num(cpu.loadGeneratorMs(), 3) + " | " + num(cpu.busyCores(), 2))
                    .append(" |\n");
        }
        md.append("\nEvery ledger create figure against the naive peer at the same clients (x peer tput > 1: ")
                .append("faster than the peer; x peer p99 > 1: slower):\n\n")
                .append("| scenario | mode | clients | ledger per s | peer per s | x peer tput | x peer p99 |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (PeerRatio ratio : report.ratios()) {
            md.append("| ").append(ratio.scenario()).append(" | ").append(ratio.mode()).append(" | ")
                    .append(ratio.concurrency()).append(" | ").append(num(ratio.ledgerPerSecond(), 0)).append(" | ")
                    .append(ratio.peerPerSecond() == null ? NOT_AVAILABLE : num(ratio.peerPerSecond(), 0))
                    .append(" | ").append(ratioOrNa(ratio.throughputRatio())).append(" | ")
                    .append(ratioOrNa(ratio.p99Ratio())).append(" |\n");
        }
        if (!report.firstMinute().isEmpty()) {
            md.append("\nFirst minute after start (before any warm-up; one client, a new connection per request, ")
                    .append("as `ab -n N` without `-k`):\n\n")
                    .append("| system | scenario | requests | succeeded | seconds | per s | p50 ms | p99 ms | errors |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (FirstMinuteFigures first : report.firstMinute()) {
                md.append("| ").append(first.system()).append(" | ").append(first.scenario()).append(" | ")
                        .append(first.requests()).append(" | ").append(first.succeeded()).append(" | ")
                        .append(num(first.seconds(), 1)).append(" | ").append(num(first.perSecond(), 0)).append(" | ")
                        .append(ms(first.p50Ms())).append(" | ").append(ms(first.p99Ms())).append(" | ")
                        .append(errors(first.errors())).append(" |\n");
            }
        }
        return md.toString();
    }

    static String ratioOrNa(Double value) {
        return value == null ? NOT_AVAILABLE : num(value, 2) + "x";
    }

    private static String per(double value) {
        return num(value, 2);
    }
}
