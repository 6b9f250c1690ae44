package io.sessionledger.deploy.edge.metrics;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

import java.net.InetSocketAddress;

/**
 * {@code GET /actuator/prometheus} on a listener of its own ({@code LEDGER_EDGE_METRICS_HOST}:{@code
 * LEDGER_EDGE_METRICS_PORT}, loopback by default): tenants reach the public port only, and the public routing
 * table has no /actuator but health, so metrics need no key and are still closed to them.
 */
public final class MetricsServer implements AutoCloseable {

    static final String PATH = "/actuator/prometheus";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Undertow server;

    private MetricsServer(Undertow server) {
        this.server = server;
    }

    public static MetricsServer start(String host, int port, EdgeMetrics metrics) {
        Undertow server = Undertow.builder()
                .setIoThreads(1)
                .setWorkerThreads(2)
                .addHttpListener(port, host)
                .setHandler(exchange -> {
                    if (!exchange.getRequestPath().equals(PATH)) {
                        exchange.setStatusCode(StatusCodes.NOT_FOUND).endExchange();
                        return;
                    }
                    if (!exchange.getRequestMethod().equals(Methods.GET)) {
                        exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED).endExchange();
                        return;
                    }
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
                    exchange.getResponseSender().send(metrics.scrape());
                })
                .build();
        server.start();
        return new MetricsServer(server);
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
