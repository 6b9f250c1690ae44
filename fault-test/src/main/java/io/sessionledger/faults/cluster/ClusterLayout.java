package io.sessionledger.faults.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the suite finds what it runs and where it keeps what the processes write.
 *
 * @param home      the repository root: the service jars are in its modules' target folders
 * @param classpath the suite's own runtime classpath: the broker and the edge run from it
 * @param workDir   logs, the broker's log, the instances' data folders, copies of the jars
 */
public record ClusterLayout(Path home, String classpath, Path workDir) {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** @param classpathFile what {@code dependency:build-classpath} wrote; {@code classes} is put first */
    public static ClusterLayout of(Path home, Path classes, Path classpathFile, Path workDir) {
        try {
            String dependencies = Files.readString(classpathFile).trim();
            return new ClusterLayout(home.toAbsolutePath().normalize(),
                    classes.toAbsolutePath() + java.io.File.pathSeparator + dependencies,
                    workDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("no classpath file at " + classpathFile + " (build fault-test first)", e);
        }
    }

    Path serviceJar(String module) {
        Path jar = home.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": build it first (faults/run.sh does)");
        }
        return jar;
    }
}
