package io.sessionledger.benchmark.cpu;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CPU time from Linux's {@code /proc}: the whole machine's busy time ({@code /proc/stat}, every core, everyone's
 * work), the load generator's own (this JVM), and, when told which they are, the system's processes: the launcher's
 * process tree (edge, broker, both services) and the PostgreSQL backends connected to its database. On a machine
 * shared with other work only the last one is the system's alone; background PostgreSQL processes (WAL writer,
 * checkpointer) serve every database and are counted in the machine's figure only.
 */
public final class CpuMeter {

    /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100;

    private final Long systemPid;
    private final String databaseName;

    public CpuMeter(Long systemPid, String databaseName) {
        this.systemPid = systemPid;
        this.databaseName = databaseName;
    }

    public boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    public boolean knowsSystem() {
        return systemPid != null || databaseName != null;
    }

    public CpuSample sample() {
        return new CpuSample(System.nanoTime(), machineBusySeconds(), selfSeconds(),
                knowsSystem() ? systemSeconds() : null);
    }

    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += field < cpu.length ? Long.parseLong(cpu[field]) : 0;
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double selfSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private double systemSeconds() {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        Set<Long> database = new HashSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] stat = stat(process);
                if (stat == null) {
                    continue; // gone meanwhile
                }
                parents.put(pid, Long.parseLong(stat[1]));
                ticks.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                if (databaseName != null && isBackendOf(process, databaseName)) {
                    database.add(pid);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        Set<Long> counted = new HashSet<>(database);
        if (systemPid != null) {
            counted.addAll(descendants(systemPid, parents));
        }
        return counted.stream().mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum() / TICKS_PER_SECOND;
    }

    /**
     * The system's CPU seconds so far by process: PostgreSQL (its database's backends), the command side, the query
     * side, the launcher (which runs the edge and the broker); empty when the system is not known.
     */
    public Map<String, Double> parts() {
        Map<String, Double> parts = new TreeMap<>();
        if (!knowsSystem()) {
            return parts;
        }
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                parents.put(pid, Long.parseLong(stat[1]));
                ticks.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                names.put(pid, databaseName != null && isBackendOf(process, databaseName) ? "PostgreSQL"
                        : partOf(process));
            }
        } catch (IOException e) {
            return parts;
        }
        Set<Long> counted = new HashSet<>();
        names.forEach((pid, name) -> {
            if (name.equals("PostgreSQL")) {
                counted.add(pid);
            }
        });
        if (systemPid != null) {
            counted.addAll(descendants(systemPid, parents));
        }
        for (long pid : counted) {
            parts.merge(names.getOrDefault(pid, "other"), ticks.getOrDefault(pid, 0L) / TICKS_PER_SECOND, Double::sum);
        }
        return parts;
    }

    private static String partOf(Path process) {
        try {
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            return command.contains("command-side") ? "command side" : command.contains("query-side") ? "query side"
                    : command.contains("deploy") ? "launcher (edge, broker)" : "other";
        } catch (IOException e) {
            return "other";
        }
    }

    /** The fields after the command name (which may hold spaces): state, ppid, ..., utime at 11, stime at 12. */
    private static String[] stat(Path process) {
        try {
            String text = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A PostgreSQL backend shows {@code postgres: <cluster>: <user> <database> <client> <state>} as its command. */
    private static boolean isBackendOf(Path process, String databaseName) {
        try {
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            return command.startsWith("postgres:") && command.contains(" " + databaseName + " ");
        } catch (IOException e) {
            return false;
        }
    }

    static Set<Long> descendants(long root, Map<Long, Long> parents) {
        Map<Long, List<Long>> children = new HashMap<>();
        parents.forEach((pid, parent) -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid));
        Set<Long> found = new HashSet<>();
        List<Long> next = new ArrayList<>(List.of(root));
        while (!next.isEmpty()) {
            long pid = next.remove(next.size() - 1);
            if (found.add(pid)) {
                next.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return found;
    }
}
