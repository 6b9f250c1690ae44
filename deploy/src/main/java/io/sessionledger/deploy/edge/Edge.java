package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.apidocs.ApiDocsHandler;
import io.sessionledger.deploy.edge.quota.Quotas;
import io.sessionledger.deploy.health.BrokerHealth;
import io.sessionledger.deploy.health.ServiceHealth;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * One base URL for every API: a non-blocking reverse proxy (Undertow) with keep-alive connection
 * pools to the command side and the query side.
 */
public final class Edge implements AutoCloseable {

    /** Reads may wait on the read barrier and writes on Kafka acks; both are bounded well below this. */
    private static final int MAX_REQUEST_MILLIS = 60_000;

    private final Undertow server;
    private final BrokerHealth brokerHealth;
    private final int port;

    private Edge(Undertow server, BrokerHealth brokerHealth, int port) {
        this.server = server;
        this.brokerHealth = brokerHealth;
        this.port = port;
    }

    public static Edge start(EdgeSettings settings) {
        BrokerHealth brokerHealth = new BrokerHealth(settings.kafkaBootstrap());
        HttpHandler health = new HealthHandler(
                new ServiceHealth(settings.commandUrl()), new ServiceHealth(settings.queryUrl()), brokerHealth);
        HttpHandler handler = new EdgeHandler(proxyTo(settings.commandUrl()), proxyTo(settings.queryUrl()), health,
                new ApiDocsHandler(settings.commandUrl(), settings.queryUrl()),
                new Quotas(settings.commandUrl(), settings.defaultRateLimit(), settings.edgeInstances()));
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                // The proxy forwards raw paths; decoding is the upstream's business.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setHandler(handler)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            brokerHealth.close();
            throw e;
        }
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new Edge(server, brokerHealth, port);
    }

    public int port() {
        return port;
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
        server.stop();
        brokerHealth.close();
    }
}
