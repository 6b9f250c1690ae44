package io.sessionledger.deploy.services;

import io.sessionledger.deploy.health.ServiceHealth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One Spring Boot service running as a child JVM, its output going to a log file. */
public final class ServiceProcess implements AutoCloseable {

    /** Above a service's own drain (web requests, then publication or projection: 20 s a phase at most). */
    private static final Duration GRACE = Duration.ofSeconds(45);
    /** Each service's maximum heap: SPEC's limit (see {@link #start}). */
    static final String HEAP = "512m";
    /** A JVM recording its start-up cache writes it on the way out: on two busy cores that took up to a minute. */
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(150);
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ ).*");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final ServiceHealth health;
    /** The start-up cache this JVM writes when it exits, or null. */
    private final JvmCache.Recording recording;

    private ServiceProcess(String name, Process process, Path logFile, String baseUrl, JvmCache.Recording recording) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.health = new ServiceHealth(baseUrl);
        this.recording = recording;
    }

    /** Starts {@code java -jar} on the jar with the given variables added to this process's environment. */
    public static ServiceProcess start(ServiceSpec spec) throws IOException {
        if (!Files.isRegularFile(spec.jar())) {
            throw new StartupFailure(spec.name() + ": no jar at " + spec.jar()
                    + " (build it with: mvn -DskipTests install)");
        }
        Files.createDirectories(spec.logFile().getParent());
        StringBuilder notes = new StringBuilder();
        JvmCache.Launch launch = spec.jvm().cacheDir() == null
                ? new JvmCache.Launch(List.of(), spec.jar(), null)
                : JvmCache.of(spec.jvm()).prepare(spec.name(), spec.jar(), notes);
        if (!notes.isEmpty()) {
            Files.writeString(spec.logFile(), notes, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        // Within the 512 MiB each service may have (SPEC), G1 starts its concurrent marking at a fixed 65% of the
        // heap instead of its adaptive threshold. The command side keeps ~190-230 MB of caches live for the write
        // path; at ~1 GB/s of short-lived garbage (an export, a whole-ledger verification) the adaptive threshold
        // fell below that, and a marking cycle ran every second or so for nothing (JFR: ~5 s of the marking
        // thread in a 17 s export, a third of the command side's CPU for it; with 1 GB of heap: no cycle at all).
        List<String> command = new ArrayList<>(List.of(javaBinary(spec.jvm()), "-Xmx" + HEAP, "-XX:+UseG1GC",
                "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=65"));
        command.addAll(launch.jvmOptions());
        // The JVM's full tiered JIT. On two shared cores C2 needs minutes of load to settle (C1 alone is faster
        // in the first minutes), but once settled creates cost ~35% less CPU (measured 750-860 against 530-570
        // creates/s). LEDGER_SERVICE_JVM_OPTS adds options, e.g. -XX:TieredStopAtLevel=1 for short-lived runs.
        String extra = System.getenv().getOrDefault("LEDGER_SERVICE_JVM_OPTS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", launch.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        Map<String, String> env = builder.environment();
        spec.environment().forEach((key, value) -> {
            if (value == null) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        return new ServiceProcess(spec.name(), builder.start(), spec.logFile(), spec.baseUrl(), launch.recording());
    }

    /** Waits for UP; fails early when the process dies, with the end of its log in the message. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!health.isUp(Duration.ofSeconds(2))) {
            if (!process.isAlive()) {
                throw new StartupFailure(name + " exited with code " + process.exitValue() + ". End of "
                        + logFile + ":\n" + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailure(name + " was not UP within " + timeout.toSeconds() + " s. End of "
                        + logFile + ":\n" + tail(40));
            }
            Thread.sleep(250);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Blocks until the process has exited, however it ended; returns its exit code. */
    int awaitExit() throws InterruptedException {
        int code = process.waitFor();
        completeRecording();
        return code;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would end it: nothing runs on the way out. Waits for the exit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        completeRecording();
    }

    /** Asks politely (SIGTERM) without waiting, so several services can shut down side by side. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGTERM, up to 45 s for a graceful shutdown (150 s while recording a start-up cache), then SIGKILL. */
    @Override
    public void close() {
        requestStop();
        try {
            Duration grace = recording == null ? GRACE : RECORDING_GRACE;
            if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            completeRecording();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, stack frames left out: the "Caused by" lines are what a reader needs. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !STACK_FRAME.matcher(line).matches())
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void completeRecording() {
        if (recording != null && !process.isAlive()) {
            recording.complete(process.exitValue());
        }
    }

    private static String javaBinary(ServiceJvm jvm) {
        return jvm.home().resolve("bin").resolve("java").toString();
    }
}
