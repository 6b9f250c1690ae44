package io.sessionledger.deploy.edge;

import io.undertow.predicate.Predicate;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.net.URI;
import java.util.Set;

/**
 * The reverse proxy to one service's instances: keep-alive pools, round robin, and the rules that decide
 * when a request may go to another instance.
 * <ul>
 *   <li>An instance that refuses a connection is out of rotation at once and tried again every second
 *   (Undertow marks it a problem host and probes it); it is back as soon as it accepts a connection.</li>
 *   <li>A request whose connection could not be opened was never sent, so any request, a write too, goes to
 *   the next instance.</li>
 *   <li>Once a request may have reached an instance, only a read (GET, HEAD, OPTIONS) is sent again: a write
 *   that failed after sending may have been applied, and repeating it elsewhere could apply it twice
 *   ({@code PUT /gks-server/v1/sessions/new} creates a new session each time). Its client gets 503 and
 *   decides. Undertow's default would also repeat PUT and DELETE.</li>
 * </ul>
 */
final class UpstreamProxy {

    /**
     * One service's proxies, over one pool of connections: {@code bounded} cuts a request at the total time of
     * {@link EdgeLimits#proxyTimeout()} (reads may wait on the read barrier and writes on Kafka acks, both bounded
     * well below it); {@code streaming}, for long streamed responses (exports), has no total time, only the idle
     * timeout of {@link IdleCutoff}.
     */
    record Proxies(HttpHandler bounded, HttpHandler streaming) {
    }
    private static final Set<HttpString> RESENDABLE = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS);
    static final Predicate MAY_RESEND_AFTER_SENDING = exchange -> RESENDABLE.contains(exchange.getRequestMethod());

    private UpstreamProxy() {
    }

    static Proxies to(Upstreams upstreams, EdgeLimits limits) {
        LoadBalancingProxyClient client = new LoadBalancingProxyClient()
                .setConnectionsPerThread(32)
                .setSoftMaxConnectionsPerThread(8)
                .setTtl(60_000)
                // Wait for a free connection rather than answer 503 the moment the pool is busy.
                .setMaxQueueSize(4096)
                // A failed instance is probed every second, not every ten (the default).
                .setProblemServerRetry(1);
        for (URI uri : upstreams.all()) {
            client.addHost(uri);
        }
        return new Proxies(handler(client, upstreams, (int) limits.proxyTimeout().toMillis()),
                new IdleCutoff(handler(IdleCutoff.remembering(client), upstreams, -1), limits.streamIdleTimeout()));
    }

    /** @param maxRequestMillis the total time a request may take, or -1 for none */
    private static HttpHandler handler(ProxyClient client, Upstreams upstreams, int maxRequestMillis) {
        return ProxyHandler.builder()
                .setProxyClient(client)
                .setMaxRequestTime(maxRequestMillis)
                // Enough tries to reach every instance once more after a failed connection.
                .setMaxConnectionRetries(Math.max(2, upstreams.all().size()))
                .setIdempotentRequestPredicate(MAY_RESEND_AFTER_SENDING)
                .setRewriteHostHeader(false)
                // Client-sent X-Forwarded-* are not trusted: the edge is the first hop.
                .setReuseXForwarded(false)
                .setNext(ResponseCodeHandler.HANDLE_404)
                .build();
    }
}
