package io.sessionledger.deploy.edge;

import java.time.Duration;
import java.util.Map;

/**
 * What the edge listens on, where it forwards to, the request quota of keys without one of their own, what it
 * accepts from a client, where its metrics are scraped and how long a stop waits for requests in flight.
 *
 * @param commandSide      the command-side instances: writes are balanced across them
 * @param querySide        the query-side instances: reads are balanced across them
 * @param defaultRateLimit requests per second for a key without its own rate
 * @param edgeInstances    how many edges share the clients' traffic (each allows rate / instances)
 * @param metricsHost      the metrics listener's address: loopback unless the operator opens it (a container)
 * @param metricsPort      the metrics listener's port (0: any free one)
 * @param drainTimeout     on stop, how long requests in flight may take to finish
 */
public record EdgeSettings(String host, int port, Upstreams commandSide, Upstreams querySide, String kafkaBootstrap,
                           int defaultRateLimit, int edgeInstances, EdgeLimits limits,
                           String metricsHost, int metricsPort, Duration drainTimeout) {

    public static final int DEFAULT_RATE_LIMIT = 1000;
    public static final int DEFAULT_METRICS_PORT = 8083;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

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

    /** Metrics on any free loopback port (tests, and callers that do not scrape them). */
    public EdgeSettings(String host, int port, String commandUrls, String queryUrls, String kafkaBootstrap,
                        int defaultRateLimit, int edgeInstances, EdgeLimits limits) {
        this(host, port, Upstreams.parse(commandUrls), Upstreams.parse(queryUrls), kafkaBootstrap, defaultRateLimit,
                edgeInstances, limits, "127.0.0.1", 0, DEFAULT_DRAIN_TIMEOUT);
    }

    public EdgeSettings withLimits(EdgeLimits other) {
        return new EdgeSettings(host, port, commandSide, querySide, kafkaBootstrap, defaultRateLimit, edgeInstances,
                other, metricsHost, metricsPort, drainTimeout);
    }

    public EdgeSettings withMetrics(String host, int port) {
        return new EdgeSettings(this.host, this.port, commandSide, querySide, kafkaBootstrap, defaultRateLimit,
                edgeInstances, limits, host, port, drainTimeout);
    }

    /** The variables of a standalone edge (docs/configuration.md). */
    public static EdgeSettings fromEnvironment(Map<String, String> env) {
        return new EdgeSettings(
                env.getOrDefault("LEDGER_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("LEDGER_HTTP_PORT", "8080")),
                Upstreams.fromEnvironment(env, "LEDGER_COMMAND_URLS", "LEDGER_COMMAND_URL", "http://127.0.0.1:8081"),
                Upstreams.fromEnvironment(env, "LEDGER_QUERY_URLS", "LEDGER_QUERY_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("LEDGER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                Integer.parseInt(env.getOrDefault("LEDGER_DEFAULT_RATE_LIMIT", String.valueOf(DEFAULT_RATE_LIMIT))),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_INSTANCES", "1")),
                EdgeLimits.fromEnvironment(env),
                env.getOrDefault("LEDGER_EDGE_METRICS_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_METRICS_PORT", String.valueOf(DEFAULT_METRICS_PORT))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LEDGER_EDGE_DRAIN_TIMEOUT_SECONDS",
                        String.valueOf(DEFAULT_DRAIN_TIMEOUT.toSeconds())))));
    }
}
