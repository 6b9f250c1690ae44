package io.sessionledger.deploy.edge;

import java.util.Map;

/**
 * What the edge listens on, where it forwards to, the request quota of keys without one of their own,
 * and what it accepts from a client.
 *
 * @param defaultRateLimit requests per second for a key without its own rate
 * @param edgeInstances    how many edges share the clients' traffic (each allows rate / instances)
 */
public record EdgeSettings(String host, int port, String commandUrl, String queryUrl, String kafkaBootstrap,
                           int defaultRateLimit, int edgeInstances, EdgeLimits limits) {

    public static final int DEFAULT_RATE_LIMIT = 1000;

    public EdgeSettings {
        if (defaultRateLimit < 1 || edgeInstances < 1) {
            throw new IllegalArgumentException(
                    "LEDGER_DEFAULT_RATE_LIMIT and LEDGER_EDGE_INSTANCES must be at least 1");
        }
    }

    /** A single edge with the default quota and limits. */
    public EdgeSettings(String host, int port, String commandUrl, String queryUrl, String kafkaBootstrap) {
        this(host, port, commandUrl, queryUrl, kafkaBootstrap, DEFAULT_RATE_LIMIT, 1);
    }

    /** The default limits. */
    public EdgeSettings(String host, int port, String commandUrl, String queryUrl, String kafkaBootstrap,
                        int defaultRateLimit, int edgeInstances) {
        this(host, port, commandUrl, queryUrl, kafkaBootstrap, defaultRateLimit, edgeInstances, EdgeLimits.DEFAULTS);
    }

    public EdgeSettings withLimits(EdgeLimits other) {
        return new EdgeSettings(host, port, commandUrl, queryUrl, kafkaBootstrap, defaultRateLimit, edgeInstances, other);
    }

    /** The variables of a standalone edge container (docs/architecture.md). */
    public static EdgeSettings fromEnvironment(Map<String, String> env) {
        return new EdgeSettings(
                env.getOrDefault("LEDGER_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("LEDGER_HTTP_PORT", "8080")),
                env.getOrDefault("LEDGER_COMMAND_URL", "http://127.0.0.1:8081"),
                env.getOrDefault("LEDGER_QUERY_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("LEDGER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                Integer.parseInt(env.getOrDefault("LEDGER_DEFAULT_RATE_LIMIT", String.valueOf(DEFAULT_RATE_LIMIT))),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_INSTANCES", "1")),
                EdgeLimits.fromEnvironment(env));
    }
}
