package io.sessionledger.deploy.services;

import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up cache (issue 11, point 5) with a real child JVM: the first start of a Spring Boot jar runs it
 * extracted and records a cache, written when it stops; the next start runs from that cache; a jar that is not a
 * Spring Boot jar, or no cache dir, starts as it is. (Tests run on the launcher's JDK: 17 here, so the cache is a
 * dynamic AppCDS archive; on 25 the same steps make an AOT cache.)
 */
class JvmCacheIT {

    @TempDir
    Path dir;

    @Test
    void theFirstStartRecordsACacheAndTheNextStartsFromIt() throws Exception {
        Path jar = FakeService.springBootJar(dir);
        Path cacheDir = dir.resolve("jvm-cache");
        ServiceJvm jvm = new ServiceJvm(null, cacheDir, false);

        List<String> first = startAndStop(jar, jvm);
        assertThat(first).anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=") || arg.startsWith("-XX:AOTCacheOutput="));
        assertThat(first.get(first.size() - 1)).as("the extracted jar runs, not the Spring Boot one")
                .startsWith(cacheDir.toString()).endsWith("fake-service.jar");
        Path cache = onlyCache(cacheDir);
        assertThat(Files.size(cache)).isPositive();

        Path stale = Files.createDirectories(cacheDir.resolve("fake-00000000/app"));
        Files.writeString(stale.resolve(".extracted"), "an earlier build");

        List<String> second = startAndStop(jar, jvm);
        assertThat(second).contains((cache.toString().endsWith(".aot") ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=")
                + cache);
        assertThat(cacheDir.resolve("fake-00000000")).as("an earlier build's cache is dropped").doesNotExist();
        try (var left = Files.walk(cacheDir)) {
            assertThat(left.filter(path -> path.toString().endsWith(".tmp"))).as("no recording left behind").isEmpty();
        }
    }

    @Test
    void aRecordingJvmThatIsKilledLeavesNoCacheAndTheNextStartRecordsAgain() throws Exception {
        Path jar = FakeService.springBootJar(dir);
        Path cacheDir = dir.resolve("jvm-cache");
        ServiceJvm jvm = new ServiceJvm(null, cacheDir, false);
        int port = Ports.findFree();
        ServiceSpec spec = new ServiceSpec("fake", jar, port, Map.of("SERVER_PORT", Integer.toString(port),
                "LEDGER_PARENT_PID", Long.toString(ProcessHandle.current().pid())), dir.resolve("logs/fake.log"), jvm);
        try (ServiceProcess process = ServiceProcess.start(spec)) {
            process.awaitHealthy(Duration.ofSeconds(60));
            process.kill();
        }
        try (var left = Files.walk(cacheDir)) {
            assertThat(left.filter(path -> path.toString().contains(".jsa") || path.toString().contains(".aot")))
                    .as("neither a cache nor a partial recording").isEmpty();
        }
        assertThat(startAndStop(jar, jvm))
                .anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=") || arg.startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void aJarThatIsNotASpringBootJarStartsAsItIs() throws Exception {
        Path jar = FakeService.jar(dir);
        List<String> args = startAndStop(jar, new ServiceJvm(null, dir.resolve("jvm-cache"), false));
        assertThat(args).noneMatch(arg -> arg.startsWith("-XX:") && arg.contains("Archive") || arg.contains("AOT"));
        assertThat(args.get(args.size() - 1)).isEqualTo(jar.toString());
    }

    @Test
    void withoutACacheDirTheSpringBootJarStartsAsItIs() throws Exception {
        Path jar = FakeService.springBootJar(dir);
        List<String> args = startAndStop(jar, ServiceJvm.PLAIN);
        assertThat(args.get(args.size() - 1)).isEqualTo(jar.toString());
        assertThat(dir.resolve("jvm-cache")).doesNotExist();
    }

    /** The started JVM's arguments, after it has answered UP and then stopped gracefully. */
    private List<String> startAndStop(Path jar, ServiceJvm jvm) throws Exception {
        int port = Ports.findFree();
        ServiceSpec spec = new ServiceSpec("fake", jar, port, Map.of("SERVER_PORT", Integer.toString(port),
                "LEDGER_PARENT_PID", Long.toString(ProcessHandle.current().pid())), dir.resolve("logs/fake.log"), jvm);
        try (ServiceProcess process = ServiceProcess.start(spec)) {
            process.awaitHealthy(Duration.ofSeconds(60));
            return List.of(ProcessHandle.of(process.pid()).orElseThrow().info().arguments().orElseThrow());
        }
    }

    private static Path onlyCache(Path cacheDir) throws Exception {
        try (var files = Files.walk(cacheDir)) {
            List<Path> caches = files.filter(path -> path.toString().endsWith(".jsa") || path.toString().endsWith(".aot"))
                    .toList();
            assertThat(caches).hasSize(1);
            return caches.get(0);
        }
    }
}
