package io.sessionledger.deploy.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * A real single-node KRaft broker (Kafka 4.1) inside this JVM: broker and controller in one server,
 * its log under {@code <dataDir>/kafka} so topics and offsets survive restarts.
 */
public final class LocalBroker implements AutoCloseable {

    private final BrokerSettings settings;
    private KafkaRaftServer server;

    private LocalBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Formats the log dir on first use, starts the server and makes sure the topic exists. */
    public static LocalBroker start(BrokerSettings settings) throws Exception {
        LocalBroker broker = new LocalBroker(settings);
        try {
            broker.startServer();
            broker.ensureTopic();
            return broker;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    private void startServer() throws Exception {
        Files.createDirectories(settings.logDir());
        KafkaConfig config = KafkaConfig.fromProps(settings.serverProperties(), false);
        formatOnce(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /**
     * meta.properties in the log dir holds the cluster id; formatting again would orphan the log,
     * so a directory that has one is reused as it is.
     */
    private void formatOnce(KafkaConfig config) throws Exception {
        if (Files.exists(settings.logDir().resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(org.apache.kafka.common.Uuid.randomUuid().toString())
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(settings.logDir().toString())
                .addDirectory(settings.logDir().toString())
                .setIgnoreFormatted(true)
                .run();
    }

    private void ensureTopic() throws Exception {
        Topics.ensure(bootstrapServers(), settings.topic(), settings.partitions());
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Runs just the broker, configured by the same LEDGER_* variables, until the JVM is stopped. */
    public static void main(String[] args) throws Exception {
        LocalBroker broker = start(BrokerSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println("Kafka broker up on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
