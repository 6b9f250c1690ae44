package io.sessionledger.deploy.services;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A service JVM's start-up cache (issue 11, point 5): on JDK 25 and later the AOT cache with method profiles
 * (JEP 483/515: classes loaded and linked, and the profiles of the methods the last run made hot, so the JIT
 * compiles them soon after start instead of after minutes of load); on JDK 17-24 a dynamic AppCDS archive (classes
 * only). Both need the application's classes in plain jars on the class path, not nested in the Spring Boot jar,
 * so the jar is first extracted ({@code -Djarmode=tools extract}) into the cache, once per jar and JDK.
 *
 * <p>The first start with a given jar and JDK records: the JVM writes the cache when it exits after a graceful
 * stop (SIGTERM), to a temporary name, moved into place by {@link Recording#complete(int)} once the process has
 * exited on its own, so a cache is either whole or absent. Later starts use it. A JVM that is killed writes nothing and the
 * next start records again. A cache the JVM finds unusable is ignored by the JVM (it logs a warning and starts
 * without it), and any failure here falls back to the plain {@code java -jar}.
 */
final class JvmCache {

    /** The first JDK whose AOT cache keeps method profiles (JEP 515). */
    private static final int AOT_CACHE_FEATURE = 25;

    private final Path directory;
    private final Path javaHome;
    private final int feature;
    private final boolean record;

    private JvmCache(Path directory, Path javaHome, int feature, boolean record) {
        this.directory = directory;
        this.javaHome = javaHome;
        this.feature = feature;
        this.record = record;
    }

    /** A start-up cache as the launcher's settings describe it; {@code jvm.cacheDir()} must not be null. */
    static JvmCache of(ServiceJvm jvm) {
        return new JvmCache(jvm.cacheDir(), jvm.home(), featureVersion(jvm.home()), jvm.record());
    }

    /** What to add to the command line, and the jar to run. */
    record Launch(List<String> jvmOptions, Path jar, Recording recording) {
    }

    /**
     * A cache being recorded by a running JVM: a temporary file that becomes the cache once the JVM has exited
     * (replacing the one there, when recording again: a JVM that has it mapped keeps the old file's content).
     */
    record Recording(Path written, Path cache) {

        /**
         * Moves a whole recording into place. Only a JVM that exited on its own (0, or 143 after SIGTERM) wrote a
         * whole file; a JDK 25 also removes {@code <file>.config} once its cache is complete. Anything else (killed
         * while writing, crashed) is deleted, and the next start records again.
         */
        void complete(int exitCode) {
            try {
                Path config = written.resolveSibling(written.getFileName() + ".config");
                if ((exitCode == 0 || exitCode == 143) && !Files.exists(config)
                        && Files.isRegularFile(written) && Files.size(written) > 0) {
                    move(written, cache);
                }
                Files.deleteIfExists(written);
                Files.deleteIfExists(config);
            } catch (IOException e) {
                // no cache this time: the next start records again
            }
        }
    }

    /** The options and jar for one start of {@code jar}; the plain jar and no options when anything fails. */
    Launch prepare(String service, Path jar, Appendable log) {
        try {
            if (!isSpringBootJar(jar)) {
                return new Launch(List.of(), jar, null); // e.g. the tests' stand-in services: nothing to extract
            }
            Path home = directory.resolve(service + "-" + key(jar));
            dropOthers(service, home);
            Path extracted = extract(jar, home.resolve("app"), log);
            boolean aot = feature >= AOT_CACHE_FEATURE;
            Path cache = home.resolve(aot ? "app.aot" : "app.jsa");
            List<String> options = new ArrayList<>();
            if (aot) {
                // Every class it cannot keep (proxies, CGLIB classes) is a warning line: thousands in the service log.
                options.add("-Xlog:aot=error,cds=error");
            }
            if (Files.isRegularFile(cache) && !record) {
                options.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
                log.append("[launcher] starting " + service + " from its start-up cache " + cache + "\n");
                return new Launch(options, extracted, null);
            }
            Path written = home.resolve(cache.getFileName() + "." + System.nanoTime() + ".tmp");
            options.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + written);
            log.append("[launcher] " + (record ? "LEDGER_JVM_CACHE=record" : "no start-up cache for this jar and JDK yet")
                    + ": recording one, written when " + service + " stops (" + cache + ")\n");
            return new Launch(options, extracted, new Recording(written, cache));
        } catch (IOException | RuntimeException e) {
            appendQuietly(log, "[launcher] start-up cache not used (" + e + "): starting " + jar + " as it is\n");
            return new Launch(List.of(), jar, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch(List.of(), jar, null);
        }
    }

    /** The Spring Boot jar as plain jars (the application's and lib/), extracted once. */
    private Path extract(Path jar, Path target, Appendable log) throws IOException, InterruptedException {
        Path done = target.resolve(".extracted");
        if (Files.exists(done)) {
            return onlyJar(target);
        }
        Files.createDirectories(target.getParent());
        deleteTree(target); // an extraction cut short before its marker was written
        Path scratch = Files.createTempDirectory(target.getParent(), "extract-");
        Process process = new ProcessBuilder(javaHome.resolve("bin").resolve("java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", scratch.resolve("x").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("extracting " + jar + " failed");
        }
        try {
            move(scratch.resolve("x"), target);
        } catch (IOException e) {
            if (!Files.exists(done)) { // another start extracted the same jar at the same time: use that one
                throw e;
            }
        }
        Files.deleteIfExists(scratch);
        Files.writeString(target.resolve(".extracted"), jar.toString());
        log.append("[launcher] extracted " + jar + " for its start-up cache into " + target + "\n");
        return onlyJar(target);
    }

    /**
     * Each build of a service leaves ~60 MB of extracted jars and a cache of ~110 MB: only the one for the jar and JDK
     * starting now is kept. (A launcher per data dir: no other running JVM of this service uses the others.)
     */
    private void dropOthers(String service, Path keep) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var homes = Files.list(directory)) {
            for (Path other : homes.filter(path -> !path.equals(keep) && path.getFileName().toString()
                    .matches(java.util.regex.Pattern.quote(service) + "-[0-9a-f]{8}")).toList()) {
                deleteTree(other);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        }
    }

    private static Path onlyJar(Path extracted) throws IOException {
        try (var files = Files.list(extracted)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("no jar in " + extracted));
        }
    }

    /** The jar's content and the JDK: a rebuilt jar or another JDK gets a cache of its own. */
    private String key(Path jar) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (var in = Files.newInputStream(jar)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        crc.update((javaHome.toRealPath() + "|" + feature).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The JDK's feature version from its {@code release} file (JAVA_VERSION="25.0.3"); this JVM's when absent. */
    static int featureVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Runtime.version().feature();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void appendQuietly(Appendable log, String line) {
        try {
            log.append(line);
        } catch (IOException ignored) {
            // the log is only for the reader
        }
    }
}
