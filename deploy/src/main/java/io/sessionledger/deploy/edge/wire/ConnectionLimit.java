package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The edge's accept step: at most so many open connections per client address (more are closed at once,
 * before a byte is read: answering would mean reading their requests), then every connection gets a
 * {@link WireConduit} under Undertow's HTTP parser.
 */
public final class ConnectionLimit implements ChannelListener<StreamConnection> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final ChannelListener<? super StreamConnection> http;
    private final EdgeLimits limits;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public ConnectionLimit(ChannelListener<? super StreamConnection> http, EdgeLimits limits) {
        this.http = http;
        this.limits = limits;
    }

    @Override
    public void handleEvent(StreamConnection connection) {
        InetAddress address = addressOf(connection.getPeerAddress());
        if (address != null && !tryOpen(address)) {
            refused(address);
            IoUtils.safeClose(connection);
            return;
        }
        if (address != null) {
            connection.setCloseListener(closed -> open.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1));
        }
        connection.getSourceChannel().setConduit(new WireConduit(connection.getSourceChannel().getConduit(),
                connection.getSinkChannel().getConduit(), limits));
        http.handleEvent(connection);
    }

    /** Open connections from one address (for tests). */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private boolean tryOpen(InetAddress address) {
        boolean[] admitted = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limits.maxConnectionsPerAddress()) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    /** One line a minute at most: a flood of refused connections must not flood the log. */
    private void refused(InetAddress address) {
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.warn("Closed a connection from {}: it already has {} open (LEDGER_EDGE_MAX_CONNECTIONS_PER_ADDRESS)",
                    address.getHostAddress(), limits.maxConnectionsPerAddress());
        }
    }

    private static InetAddress addressOf(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
