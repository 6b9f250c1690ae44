package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.apidocs.ApiDocsHandler;
import io.sessionledger.deploy.edge.metrics.EdgeMetrics;
import io.sessionledger.deploy.edge.metrics.MetricsServer;
import io.sessionledger.deploy.edge.quota.Quotas;
import io.sessionledger.deploy.health.BrokerHealth;
import io.undertow.server.HttpHandler;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One base URL for every API: a non-blocking reverse proxy (Undertow) with keep-alive connection
 * pools to the command-side and the query-side instances ({@link UpstreamProxy}). Only whole, valid requests
 * reach the proxy ({@code edge.wire}).
 */
public final class Edge implements AutoCloseable {

    static {
        // Kafka brings log4j-core, which JBoss Logging (Undertow's) would pick over SLF4J: Undertow's lines
        // would then bypass logback.xml. Set before the first Undertow class logs.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Edge.class);

    private final EdgeServer server;
    private final InFlight inFlight;
    private final Duration drainTimeout;
    private final EdgeMetrics metrics;
    private final MetricsServer metricsServer;
    private final BrokerHealth brokerHealth;
    private boolean closed;

    private Edge(EdgeServer server, InFlight inFlight, Duration drainTimeout, EdgeMetrics metrics,
                 MetricsServer metricsServer, BrokerHealth brokerHealth) {
        this.server = server;
        this.inFlight = inFlight;
        this.drainTimeout = drainTimeout;
        this.metrics = metrics;
        this.metricsServer = metricsServer;
        this.brokerHealth = brokerHealth;
    }

    public static Edge start(EdgeSettings settings) {
        EdgeMetrics metrics = new EdgeMetrics();
        MetricsServer metricsServer = MetricsServer.start(settings.metricsHost(), settings.metricsPort(), metrics);
        BrokerHealth brokerHealth = new BrokerHealth(settings.kafkaBootstrap());
        HttpHandler health = new HealthHandler(settings.commandSide(), settings.querySide(), brokerHealth);
        InFlight handler = new InFlight(new EdgeHandler(UpstreamProxy.to(settings.commandSide(), settings.limits()),
                UpstreamProxy.to(settings.querySide(), settings.limits()).bounded(), health,
                new ApiDocsHandler(settings.commandSide(), settings.querySide()),
                new Quotas(settings.commandSide(), settings.defaultRateLimit(), settings.edgeInstances()),
                // Several edges each see only their own writes: their reads ask the broker.
                new ReadPositions(settings.edgeInstances() == 1)), metrics);
        try {
            return new Edge(EdgeServer.start(settings.host(), settings.port(), settings.limits(), handler), handler,
                    settings.drainTimeout(), metrics, metricsServer, brokerHealth);
        } catch (RuntimeException e) {
            brokerHealth.close();
            metricsServer.close();
            metrics.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Where {@code GET /actuator/prometheus} answers (not the public port). */
    public int metricsPort() {
        return metricsServer.port();
    }

    /**
     * Drains: stops accepting connections, answers 503 to new requests on open ones, lets those in flight finish
     * (up to the drain timeout), then closes every connection and the metrics listener.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Refusing first, then closing the listener: a connection that is refused proves the draining has begun.
        inFlight.refuseNew();
        server.stopAccepting();
        try {
            if (!inFlight.awaitIdle(drainTimeout)) {
                LOG.warn("Stopping with {} requests still in flight after {}", inFlight.active(), drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        metricsServer.close();
        metrics.close();
        brokerHealth.close();
    }
}
