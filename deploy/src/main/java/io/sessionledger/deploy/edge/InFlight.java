package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.metrics.EdgeMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Wraps the front door: counts the requests in flight, so that a stop can let them finish ({@link #awaitIdle}), and
 * measures every request once its answer is complete. While draining, a request that still arrives on a kept-alive
 * connection is answered 503 {@code unavailable} in its dialect, with {@code Connection: close}.
 */
final class InFlight implements HttpHandler {

    /** Where the front door sent the request; unset when it was refused before routing. */
    static final AttachmentKey<Route> ROUTE = AttachmentKey.create(Route.class);

    private final HttpHandler next;
    private final EdgeMetrics metrics;
    private final Object lock = new Object();
    private int active;
    private volatile boolean draining;

    InFlight(HttpHandler next, EdgeMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        synchronized (lock) {
            active++;
        }
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                measure(done, System.nanoTime() - start);
            } finally {
                synchronized (lock) {
                    active--;
                    lock.notifyAll();
                }
                nextListener.proceed();
            }
        });
        if (draining) {
            exchange.setPersistent(false);
            ErrorResponses.send(exchange, EdgeError.UNAVAILABLE, "The edge is shutting down; send the request again.");
            return;
        }
        next.handleRequest(exchange);
    }

    /** From now on, requests that arrive are answered 503 and their connections closed. */
    void refuseNew() {
        draining = true;
    }

    /** @return whether every request in flight was answered within the timeout */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
        return true;
    }

    int active() {
        synchronized (lock) {
            return active;
        }
    }

    private void measure(HttpServerExchange exchange, long nanos) {
        Route route = exchange.getAttachment(ROUTE);
        metrics.answered(route == null ? "refused" : route.name().toLowerCase(Locale.ROOT), exchange.getStatusCode(),
                nanos);
        EdgeError refusal = exchange.getAttachment(ErrorResponses.REFUSED);
        if (refusal != null) {
            metrics.refused(refusal.status(), refusal.code());
        }
    }
}
