package io.sessionledger.deploy.edge;

import java.util.Map;

/** What the edge listens on and where it forwards to. */
public record EdgeSettings(String host, int port, String commandUrl, String queryUrl, String kafkaBootstrap) {

    /** The variables of a standalone edge container (docs/architecture.md). */
    public static EdgeSettings fromEnvironment(Map<String, String> env) {
        return new EdgeSettings(
                env.getOrDefault("LEDGER_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("LEDGER_HTTP_PORT", "8080")),
                env.getOrDefault("LEDGER_COMMAND_URL", "http://127.0.0.1:8081"),
                env.getOrDefault("LEDGER_QUERY_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("LEDGER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
    }
}
