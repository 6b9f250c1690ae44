package io.sessionledger.deploy.edge;

import io.undertow.predicate.Predicate;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
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

    /** Reads may wait on the read barrier and writes on Kafka acks; both are bounded well below this. */
    private static final int MAX_REQUEST_MILLIS = 60_000;
    private static final Set<HttpString> RESENDABLE = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS);
    static final Predicate MAY_RESEND_AFTER_SENDING = exchange -> RESENDABLE.contains(exchange.getRequestMethod());

    private UpstreamProxy() {
    }

    static HttpHandler to(Upstreams upstreams) {
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
        return ProxyHandler.builder()
                .setProxyClient(client)
                .setMaxRequestTime(MAX_REQUEST_MILLIS)
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
