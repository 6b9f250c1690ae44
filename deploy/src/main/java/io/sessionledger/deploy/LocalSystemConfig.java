package io.sessionledger.deploy;

import io.sessionledger.deploy.edge.EdgeLimits;
import io.sessionledger.deploy.edge.EdgeSettings;
import io.sessionledger.deploy.services.ServiceJvm;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Everything the local launcher needs, read from the LEDGER_* variables of docs/configuration.md.
 * Tests build one from a map instead of the process environment.
 */
public record LocalSystemConfig(
        Path dataDir,
        String httpHost,
        int httpPort,
        int commandPort,
        int queryPort,
        int kafkaPort,
        String externalKafka,
        String topic,
        int partitions,
        String adminKey,
        boolean adminKeyGenerated,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path commandJar,
        Path queryJar,
        Duration startupTimeout,
        int defaultRateLimit,
        EdgeLimits edgeLimits,
        int edgeMetricsPort,
        ServiceJvm serviceJvm) {

    private static final String JAR_VERSION = "0.1.0-SNAPSHOT";

    /** @param home the repository root: the service jars are under its module target folders */
    public static LocalSystemConfig fromEnvironment(Map<String, String> env, Path home) {
        String adminKey = env.get("LEDGER_ADMIN_KEY");
        boolean generated = adminKey == null || adminKey.isBlank();
        Path root = home.toAbsolutePath().normalize();
        return new LocalSystemConfig(
                dataDir(env),
                env.getOrDefault("LEDGER_HTTP_HOST", "127.0.0.1"),
                port(env, "LEDGER_HTTP_PORT", 8080),
                port(env, "LEDGER_COMMAND_PORT", 8081),
                port(env, "LEDGER_QUERY_PORT", 8082),
                port(env, "LEDGER_KAFKA_PORT", 9092),
                blankToNull(env.get("LEDGER_KAFKA_BOOTSTRAP")),
                env.getOrDefault("LEDGER_TOPIC", "session-events"),
                Integer.parseInt(env.getOrDefault("LEDGER_PARTITIONS", "4")),
                generated ? generateAdminKey() : adminKey,
                generated,
                env.get("LEDGER_DB_URL"),
                env.get("LEDGER_DB_USER"),
                env.get("LEDGER_DB_PASSWORD"),
                jar(env, "LEDGER_COMMAND_JAR", root, "command-side"),
                jar(env, "LEDGER_QUERY_JAR", root, "query-side"),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LEDGER_STARTUP_TIMEOUT_SECONDS", "120"))),
                Integer.parseInt(env.getOrDefault("LEDGER_DEFAULT_RATE_LIMIT",
                        String.valueOf(EdgeSettings.DEFAULT_RATE_LIMIT))),
                EdgeLimits.fromEnvironment(env),
                port(env, "LEDGER_EDGE_METRICS_PORT", EdgeSettings.DEFAULT_METRICS_PORT),
                serviceJvm(env, dataDir(env)));
    }

    private static Path dataDir(Map<String, String> env) {
        return Path.of(env.getOrDefault("LEDGER_DATA_DIR", "./data")).toAbsolutePath().normalize();
    }

    /**
     * The services' JDK (LEDGER_SERVICE_JAVA_HOME; run-local.sh points it at a JDK 25 when there is one) and their
     * start-up cache (LEDGER_JVM_CACHE: on, off, or record to record it again; LEDGER_JVM_CACHE_DIR, by default under
     * the data dir).
     */
    private static ServiceJvm serviceJvm(Map<String, String> env, Path dataDir) {
        String home = blankToNull(env.get("LEDGER_SERVICE_JAVA_HOME"));
        String mode = env.getOrDefault("LEDGER_JVM_CACHE", "on").trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off") && !mode.equals("record")) {
            throw new IllegalArgumentException("LEDGER_JVM_CACHE must be on, off or record, not '" + mode + "'");
        }
        String cacheDir = blankToNull(env.get("LEDGER_JVM_CACHE_DIR"));
        return new ServiceJvm(home == null ? null : Path.of(home).toAbsolutePath(),
                mode.equals("off") ? null
                        : cacheDir != null ? Path.of(cacheDir).toAbsolutePath() : dataDir.resolve("jvm-cache"),
                mode.equals("record"));
    }

    /** Without LEDGER_KAFKA_BOOTSTRAP the launcher runs a broker of its own; with it, it uses that one. */
    public boolean ownBroker() {
        return externalKafka == null;
    }

    public String kafkaBootstrap() {
        return ownBroker() ? "127.0.0.1:" + kafkaPort : externalKafka;
    }

    public String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    public String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** 32 random bytes, base64url: as strong as the API keys the command side issues. */
    static String generateAdminKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static Path jar(Map<String, String> env, String name, Path root, String module) {
        String override = env.get(name);
        return override != null && !override.isBlank()
                ? Path.of(override).toAbsolutePath()
                : root.resolve(module).resolve("target").resolve(module + "-" + JAR_VERSION + ".jar");
    }
}
