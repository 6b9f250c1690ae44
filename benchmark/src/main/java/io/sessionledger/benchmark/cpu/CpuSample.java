package io.sessionledger.benchmark.cpu;

/**
 * CPU seconds used so far, as {@link CpuMeter} read them at {@code nanos} (System.nanoTime): by the whole machine,
 * by this load generator, and by the system's own processes (null when they are not known).
 */
public record CpuSample(long nanos, double machine, double loadGenerator, Double system) {

    /** What was used between an earlier sample and this one. */
    public CpuUse since(CpuSample earlier) {
        return new CpuUse((nanos - earlier.nanos) / 1e9, machine - earlier.machine,
                loadGenerator - earlier.loadGenerator,
                system == null || earlier.system == null ? null : system - earlier.system);
    }
}
