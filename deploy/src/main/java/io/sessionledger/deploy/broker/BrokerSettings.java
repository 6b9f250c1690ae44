package io.sessionledger.deploy.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Where the local broker listens, where it keeps its log, and the one topic the ledger uses. */
public record BrokerSettings(int port, Path logDir, String topic, int partitions) {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "./data")).toAbsolutePath().normalize();
        return new BrokerSettings(
                Integer.parseInt(env.getOrDefault("LEDGER_KAFKA_PORT", "9092")),
                dataDir.resolve("kafka"),
                env.getOrDefault("LEDGER_TOPIC", "session-events"),
                Integer.parseInt(env.getOrDefault("LEDGER_PARTITIONS", "4")));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    int controllerPort() {
        return port + 1;
    }

    /** The KRaft properties of this single-node broker (broker and controller in one), as the local launcher runs it. */
    public Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "8");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose (partition count is part of the contract), never by a typo.
        p.put("auto.create.topics.enable", "false");
        return p;
    }
}
