package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.apidocs.ApiDocsHandler;
import io.sessionledger.deploy.edge.quota.Quotas;
import io.sessionledger.deploy.health.BrokerHealth;
import io.undertow.server.HttpHandler;

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

    private final EdgeServer server;
    private final BrokerHealth brokerHealth;

    private Edge(EdgeServer server, BrokerHealth brokerHealth) {
        this.server = server;
        this.brokerHealth = brokerHealth;
    }

    public static Edge start(EdgeSettings settings) {
        BrokerHealth brokerHealth = new BrokerHealth(settings.kafkaBootstrap());
        HttpHandler health = new HealthHandler(settings.commandSide(), settings.querySide(), brokerHealth);
        HttpHandler handler = new EdgeHandler(UpstreamProxy.to(settings.commandSide()),
                UpstreamProxy.to(settings.querySide()), health,
                new ApiDocsHandler(settings.commandSide(), settings.querySide()),
                new Quotas(settings.commandSide(), settings.defaultRateLimit(), settings.edgeInstances()));
        try {
            return new Edge(EdgeServer.start(settings.host(), settings.port(), settings.limits(), handler), brokerHealth);
        } catch (RuntimeException e) {
            brokerHealth.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        brokerHealth.close();
    }
}
