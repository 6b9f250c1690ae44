package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.cpu.CpuUse;
import java.util.Locale;

/** The results' "Audit costs" section: what hashing and sealing add to a create, against its whole CPU. */
final class AuditMarkdown {

    private AuditMarkdown() {
    }

    static String render(AuditCosts audit) {
        StringBuilder md = new StringBuilder("\n## Audit costs: hashing and sealing per create\n\n")
                .append("In-process microbenchmark of the write path (thread CPU, median of ")
                .append("its rounds, ").append(String.format(Locale.ROOT, "%,d", audit.microbenchmarkCreates()))
                .append(" creates in all), against the CPU a create costs during a create phase.\n\n")
                .append("| figure | value | target |\n|---|---:|---|\n");
        row(md, "hashing and sealing added per create", us(audit.addedMicros()), "");
        row(md, "write path per create today (store serialization sealed, chain writer, uniqueness HMAC)",
                us(audit.writePathMicros().get("writePath")), "");
        row(md, "the same before hashing and sealing (plain store serialization)",
                us(audit.writePathMicros().get("before")), "");
        row(md, "part: store serialization with sealing (subject HMAC, new data key, 3 values AES-GCM)",
                us(audit.writePathMicros().get("store")), "");
        row(md, "part: event hash over the stored bytes (parse, RFC 8785, SHA-256)",
                us(audit.writePathMicros().get("hash")), "");
        row(md, "part: a sealing serialization no cache serves (the chain writer's is served by Axon's)",
                us(audit.writePathMicros().get("uncachedSealing")), "");
        row(md, "part: keyed hash of the visit id's uniqueness row", us(audit.writePathMicros().get("uniqueKeyHmac")), "");
        CpuUse.PerOperation cpu = audit.createCpu();
        if (cpu != null) {
            row(md, "CPU per create, " + audit.createCpuSource() + ": machine / load generator / system's own",
                    String.format(Locale.ROOT, "%.2f / %.2f / %s ms", cpu.machineMs(), cpu.loadGeneratorMs(),
                            cpu.systemMs() == null ? "-" : String.format(Locale.ROOT, "%.2f", cpu.systemMs())), "");
        }
        row(md, "share of a create's CPU (machine less load generator)", share(audit.shareOfMachine()),
                judge(audit.shareOfMachine()));
        row(md, "share of a create's CPU (the system's own processes)", share(audit.shareOfSystem()),
                judge(audit.shareOfSystem()));
        row(md, "signing one checkpoint note alone (Ed25519)", us(audit.signingMicros()), "");
        return md.toString();
    }

    private static void row(StringBuilder md, String figure, String value, String target) {
        md.append("| ").append(figure).append(" | ").append(value).append(" | ").append(target).append(" |\n");
    }

    private static String us(Double micros) {
        return micros == null || micros.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String share(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String judge(Double share) {
        return share == null ? "" : "< 10%: " + (share < AuditCosts.TARGET_SHARE ? "met" : "**missed**");
    }
}
