package io.sessionledger.deploy.edge;

import java.util.Map;

/**
 * What the edge listens on, where it forwards to, the request quota of keys without one of their own,
 * and what it accepts from a client.
 *
 * @param commandSide      the command-side instances: writes are balanced across them
 * @param querySide        the query-side instances: reads are balanced across them
 * @param defaultRateLimit requests per second for a key without its own rate
 * @param edgeInstances    how many edges share the clients' traffic (each allows rate / instances)
 */
public record EdgeSettings(String host, int port, Upstreams commandSide, Upstreams querySide, String kafkaBootstrap,
                           int defaultRateLimit, int edgeInstances, EdgeLimits limits) {

    public static final int DEFAULT_RATE_LIMIT = 1000;

    public EdgeSettings {
        if (defaultRateLimit < 1 || edgeInstances < 1) {
            throw new IllegalArgumentException(
                    "LEDGER_DEFAULT_RATE_LIMIT and LEDGER_EDGE_INSTANCES must be at least 1");
        }
    }

    /** A single edge with the default quota and limits; each URL may be a comma-separated list. */
    public EdgeSettings(String host, int port, String commandUrls, String queryUrls, String kafkaBootstrap) {
        this(host, port, commandUrls, queryUrls, kafkaBootstrap, DEFAULT_RATE_LIMIT, 1);
    }

    /** The default limits. */
    public EdgeSettings(String host, int port, String commandUrls, String queryUrls, String kafkaBootstrap,
                        int defaultRateLimit, int edgeInstances) {
        this(host, port, commandUrls, queryUrls, kafkaBootstrap, defaultRateLimit, edgeInstances, EdgeLimits.DEFAULTS);
    }

    public EdgeSettings(String host, int port, String commandUrls, String queryUrls, String kafkaBootstrap,
                        int defaultRateLimit, int edgeInstances, EdgeLimits limits) {
        this(host, port, Upstreams.parse(commandUrls), Upstreams.parse(queryUrls), kafkaBootstrap, defaultRateLimit,
                edgeInstances, limits);
    }

    public EdgeSettings withLimits(EdgeLimits other) {
        return new EdgeSettings(host, port, commandSide, querySide, kafkaBootstrap, defaultRateLimit, edgeInstances,
                other);
    }

    /** The variables of a standalone edge container (docs/architecture.md). */
    public static EdgeSettings fromEnvironment(Map<String, String> env) {
        return new EdgeSettings(
                env.getOrDefault("LEDGER_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("LEDGER_HTTP_PORT", "8080")),
                Upstreams.fromEnvironment(env, "LEDGER_COMMAND_URLS", "LEDGER_COMMAND_URL", "http://127.0.0.1:8081"),
                Upstreams.fromEnvironment(env, "LEDGER_QUERY_URLS", "LEDGER_QUERY_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("LEDGER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                Integer.parseInt(env.getOrDefault("LEDGER_DEFAULT_RATE_LIMIT", String.valueOf(DEFAULT_RATE_LIMIT))),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_INSTANCES", "1")),
                EdgeLimits.fromEnvironment(env));
    }
}
