package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.cpu.CpuUse;
import java.util.Map;

/**
 * What hashing and sealing cost a create (issue 9, point 8), next to the CPU a create costs the whole system.
 *
 * @param writePathMicros thread-CPU microseconds per create of each microbenchmark variant (before, store,
 *                        writePath, and the parts alone)
 * @param addedMicros     today's write path less the one before hashing and sealing
 * @param createCpu       CPU per create measured during a create phase, or null
 * @param createCpuSource which phase that was
 * @param shareOfMachine  addedMicros over the machine's CPU per create less the load generator's (null: unknown)
 * @param shareOfSystem   addedMicros over the system's own processes' CPU per create (null: unknown)
 * @param signingMicros   signing one checkpoint note alone (Ed25519), thread CPU
 */
public record AuditCosts(Map<String, Double> writePathMicros, double addedMicros, long microbenchmarkCreates,
                         CpuUse.PerOperation createCpu, String createCpuSource, Double shareOfMachine,
                         Double shareOfSystem, double signingMicros) {

    /** The share of a create's CPU the issue allows hashing and sealing. */
    public static final double TARGET_SHARE = 0.10;

    public static AuditCosts of(Map<String, Double> writePathMicros, double addedMicros, long creates,
                                CpuUse.PerOperation createCpu, String source, double signingMicros) {
        Double machine = null;
        Double system = null;
        if (createCpu != null) {
            double lessGenerator = createCpu.machineMs() - createCpu.loadGeneratorMs();
            machine = lessGenerator > 0 ? addedMicros / 1000 / lessGenerator : null;
            system = createCpu.systemMs() == null || createCpu.systemMs() <= 0 ? null
                    : addedMicros / 1000 / createCpu.systemMs();
        }
        return new AuditCosts(writePathMicros, addedMicros, creates, createCpu, source, machine, system,
                signingMicros);
    }
}
