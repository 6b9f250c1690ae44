package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.apidocs.ApiDocsHandler;
import io.sessionledger.deploy.edge.quota.Quotas;
import io.sessionledger.deploy.health.BrokerHealth;
import io.sessionledger.deploy.health.ServiceHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;

import java.net.URI;

/**
 * One base URL for every API: a non-blocking reverse proxy (Undertow) with keep-alive connection
 * pools to the command side and the query side. Only whole, valid requests reach the proxy
 * ({@code edge.wire}).
 */
public final class Edge implements AutoCloseable {

    static {
        // Kafka brings log4j-core, which JBoss Logging (Undertow's) would pick over SLF4J: Undertow's lines
        // would then bypass logback.xml. Set before the first Undertow class logs.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    /** Reads may wait on the read barrier and writes on Kafka acks; both are bounded well below this. */
    private static final int MAX_REQUEST_MILLIS = 60_000;

    private final EdgeServer server;
    private final BrokerHealth brokerHealth;

    private Edge(EdgeServer server, BrokerHealth brokerHealth) {
        this.server = server;
        this.brokerHealth = brokerHealth;
    }

    public static Edge start(EdgeSettings settings) {
        BrokerHealth brokerHealth = new BrokerHealth(settings.kafkaBootstrap());
        HttpHandler health = new HealthHandler(
                new ServiceHealth(settings.commandUrl()), new ServiceHealth(settings.queryUrl()), brokerHealth);
        HttpHandler handler = new EdgeHandler(proxyTo(settings.commandUrl()), proxyTo(settings.queryUrl()), health,
                new ApiDocsHandler(settings.commandUrl(), settings.queryUrl()),
                new Quotas(settings.commandUrl(), settings.defaultRateLimit(), settings.edgeInstances()));
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

    private static HttpHandler proxyTo(String upstream) {
        LoadBalancingProxyClient client = new LoadBalancingProxyClient()
                .addHost(URI.create(upstream))
                .setConnectionsPerThread(32)
                .setSoftMaxConnectionsPerThread(8)
                .setTtl(60_000)
                // Wait for a free connection rather than answer 503 the moment the pool is busy.
                .setMaxQueueSize(4096)
                // A restarted service is used again after one second, not the default ten.
                .setProblemServerRetry(1);
        return ProxyHandler.builder()
                .setProxyClient(client)
                .setMaxRequestTime(MAX_REQUEST_MILLIS)
                // A kept-alive connection the service has just closed is retried (idempotent requests only).
                .setMaxConnectionRetries(2)
                .setRewriteHostHeader(false)
                // Client-sent X-Forwarded-* are not trusted: the edge is the first hop.
                .setReuseXForwarded(false)
                .setNext(ResponseCodeHandler.HANDLE_404)
                .build();
    }

    @Override
    public void close() {
        server.close();
        brokerHealth.close();
    }
}
