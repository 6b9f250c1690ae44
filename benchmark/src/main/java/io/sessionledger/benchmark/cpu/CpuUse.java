package io.sessionledger.benchmark.cpu;

import java.util.Locale;

/** CPU seconds used during a window of {@code seconds}: by the machine, the load generator, the system (or null). */
public record CpuUse(double seconds, double machine, double loadGenerator, Double system) {

    /** Milliseconds of CPU per operation, for {@code operations} done in the window. */
    public PerOperation per(long operations) {
        double n = Math.max(1, operations);
        return new PerOperation(operations, machine * 1000 / n, loadGenerator * 1000 / n,
                system == null ? null : system * 1000 / n, machine / seconds);
    }

    /**
     * @param machineMs  everything the machine did, divided by the operations (other people's work included)
     * @param systemMs   the system's own processes (launcher tree, its database's backends), or null
     * @param busyCores  the machine's busy time over the window's length: 2.0 is both cores of two fully used
     */
    public record PerOperation(long operations, double machineMs, double loadGeneratorMs, Double systemMs,
                               double busyCores) {

        public String describe() {
            return String.format(Locale.ROOT, "CPU per request: machine %.2f ms (%.2f cores busy), load generator "
                            + "%.2f ms%s", machineMs, busyCores, loadGeneratorMs,
                    systemMs == null ? "" : String.format(Locale.ROOT, ", the system's own processes %.2f ms",
                            systemMs));
        }
    }
}
