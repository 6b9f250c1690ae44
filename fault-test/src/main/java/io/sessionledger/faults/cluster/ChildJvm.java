package io.sessionledger.faults.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM the suite runs from its own classpath (the broker, the edge), tied to the suite by {@link WithParent}. */
final class ChildJvm {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ChildJvm(String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args,
             Map<String, String> environment, Path log) {
        this.name = name;
        this.command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, WithParent.class.getName(),
                Long.toString(ProcessHandle.current().pid()), mainClass));
        command.addAll(args);
        this.environment = environment;
        this.log = log;
    }

    /** Runs it to its end (a tool such as the storage formatter); fails on a non-zero exit. */
    void runToEnd(long timeoutSeconds) throws IOException, InterruptedException {
        start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + Files.readString(log));
        }
    }

    synchronized void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL and wait for the exit. */
    void kill() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null) {
            running.destroyForcibly();
            running.waitFor();
        }
    }

    /** SIGTERM, a few seconds, then SIGKILL. */
    void stop() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }
}
