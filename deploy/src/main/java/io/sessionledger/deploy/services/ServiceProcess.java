package io.sessionledger.deploy.services;

import io.sessionledger.deploy.health.ServiceHealth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ ).*");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final ServiceHealth health;

    private ServiceProcess(String name, Process process, Path logFile, String baseUrl) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.health = new ServiceHealth(baseUrl);
    }

    /** Starts {@code java -jar} on the jar with the given variables added to this process's environment. */
    public static ServiceProcess start(ServiceSpec spec) throws IOException {
        if (!Files.isRegularFile(spec.jar())) {
            throw new StartupFailure(spec.name() + ": no jar at " + spec.jar()
                    + " (build it with: mvn -DskipTests install)");
        }
        Files.createDirectories(spec.logFile().getParent());
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseG1GC"));
        // The JVM's full tiered JIT. On two shared cores C2 needs minutes of load to settle (C1 alone is faster
        // in the first minutes), but once settled creates cost ~35% less CPU (measured 750-860 against 530-570
        // creates/s). LEDGER_SERVICE_JVM_OPTS adds options, e.g. -XX:TieredStopAtLevel=1 for short-lived runs.
        String extra = System.getenv().getOrDefault("LEDGER_SERVICE_JVM_OPTS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", spec.jar().toString()));
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
        return new ServiceProcess(spec.name(), builder.start(), spec.logFile(), spec.baseUrl());
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
        return process.waitFor();
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
    }

    /** Asks politely (SIGTERM) without waiting, so several services can shut down side by side. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGTERM, up to 45 s for a graceful shutdown, then SIGKILL. */
    @Override
    public void close() {
        requestStop();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
