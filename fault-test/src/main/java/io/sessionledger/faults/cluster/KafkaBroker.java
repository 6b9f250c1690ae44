package io.sessionledger.faults.cluster;

import io.sessionledger.deploy.broker.BrokerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker as its own process, run from the Kafka jars ({@code kafka.Kafka} with a
 * server.properties), with the local launcher's settings. Its log survives a kill, so a restart recovers it.
 */
final class KafkaBroker {

    private final BrokerSettings settings;
    private final Path config;
    private final ChildJvm broker;
    private final ChildJvm formatter;
    private volatile boolean held;

    KafkaBroker(BrokerSettings settings, Path workDir, String classpath) {
        this.settings = settings;
        this.config = workDir.resolve("kafka-server.properties");
        Path log = workDir.resolve("logs").resolve("kafka.log");
        List<String> jvm = List.of("-Xmx512m", "-Dlog4j2.level=WARN");
        this.broker = new ChildJvm("kafka", classpath, jvm, "kafka.Kafka", List.of(config.toString()), Map.of(), log);
        this.formatter = new ChildJvm("kafka-storage", classpath, jvm, "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of(), log);
    }

    /** Formats the log directory, starts the broker and creates the topic with its partitions. */
    void startFresh() throws Exception {
        Files.createDirectories(settings.logDir());
        Properties properties = settings.serverProperties();
        try (Writer out = Files.newBufferedWriter(config)) {
            properties.store(out, "fault suite broker");
        }
        formatter.runToEnd(60);
        start(Duration.ofSeconds(60));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(settings.topic(), settings.partitions(), (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts it on its existing log and waits until it answers metadata requests. */
    void start(Duration timeout) throws Exception {
        launch();
        awaitReady(timeout);
    }

    /** Starts the process on its existing log without waiting. */
    void launch() throws IOException {
        broker.start();
    }

    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not come up; see " + broker.log(), notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    void kill() throws InterruptedException {
        broker.kill();
    }

    boolean needsRestart() {
        return !held && !broker.isAlive();
    }

    void hold(boolean down) {
        held = down;
    }

    void stop() throws InterruptedException {
        broker.stop();
    }

    String bootstrap() {
        return settings.bootstrapServers();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
    }
}
