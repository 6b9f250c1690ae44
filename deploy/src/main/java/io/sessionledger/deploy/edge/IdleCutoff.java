package io.sessionledger.deploy.edge;

import io.undertow.client.ClientConnection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import io.undertow.util.WorkerUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * An idle timeout for a long response streamed through the proxy (an export of millions of events takes minutes):
 * the exchange is cut only once no byte has gone to the client for the whole timeout, where other routes are cut
 * at a total time. Until the response starts, the wait for it counts as idle too. Cutting closes the client's
 * connection: a response already started cannot change its status any more, and an export's missing closing line
 * tells its reader it was cut short. The upstream connection is closed too: the proxy's pool would otherwise take
 * it back when the cut exchange ends and hand it, still busy with the stalled response, to the next request on the
 * same I/O thread, which would then wait behind it and be cut in turn.
 */
final class IdleCutoff implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCutoff.class);
    private static final AttachmentKey<ClientConnection> UPSTREAM = AttachmentKey.create(ClientConnection.class);

    private final HttpHandler next;
    private final long idleNanos;

    IdleCutoff(HttpHandler next, Duration idle) {
        this.next = next;
        this.idleNanos = idle.toNanos();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Watch watch = new Watch(exchange);
        exchange.addResponseWrapper((factory, ex) -> new Counting(factory.create(), watch));
        watch.schedule(idleNanos);
        next.handleRequest(exchange);
    }

    /** When the response last moved; checked on the exchange's I/O thread. */
    private final class Watch implements Runnable {
        private final HttpServerExchange exchange;
        private volatile long lastWrite = System.nanoTime();

        Watch(HttpServerExchange exchange) {
            this.exchange = exchange;
        }

        void wrote(long bytes) {
            if (bytes > 0) {
                lastWrite = System.nanoTime();
            }
        }

        void schedule(long nanos) {
            WorkerUtils.executeAfter(exchange.getIoThread(), this, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (exchange.isComplete() || !exchange.getConnection().isOpen()) {
                return;
            }
            long idle = System.nanoTime() - lastWrite;
            if (idle < idleNanos) {
                schedule(idleNanos - idle);
                return;
            }
            LOG.warn("Cutting {} {}: nothing sent for {} ms", exchange.getRequestMethod(), exchange.getRequestPath(),
                    TimeUnit.NANOSECONDS.toMillis(idle));
            IoUtils.safeClose(exchange.getAttachment(UPSTREAM));
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    /** A proxy client that remembers, on each exchange, the upstream connection it was given (to close on a cut). */
    static ProxyClient remembering(ProxyClient client) {
        return new ProxyClient() {
            @Override
            public ProxyTarget findTarget(HttpServerExchange exchange) {
                return client.findTarget(exchange);
            }

            @Override
            public List<ProxyTarget> getAllTargets() {
                return client.getAllTargets();
            }

            @Override
            public void getConnection(ProxyTarget target, HttpServerExchange exchange,
                                      ProxyCallback<ProxyConnection> callback, long timeout, TimeUnit timeUnit) {
                client.getConnection(target, exchange, new ProxyCallback<>() {
                    @Override
                    public void completed(HttpServerExchange ex, ProxyConnection connection) {
                        ex.putAttachment(UPSTREAM, connection.getConnection());
                        callback.completed(ex, connection);
                    }

                    @Override
                    public void failed(HttpServerExchange ex) {
                        callback.failed(ex);
                    }

                    @Override
                    public void couldNotResolveBackend(HttpServerExchange ex) {
                        callback.couldNotResolveBackend(ex);
                    }

                    @Override
                    public void queuedRequestFailed(HttpServerExchange ex) {
                        callback.queuedRequestFailed(ex);
                    }
                }, timeout, timeUnit);
            }
        };
    }

    /** The response's conduit, telling the watch of every byte written. */
    private static final class Counting extends AbstractStreamSinkConduit<StreamSinkConduit> {
        private final Watch watch;

        Counting(StreamSinkConduit next, Watch watch) {
            super(next);
            this.watch = watch;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int written = super.write(src);
            watch.wrote(written);
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
            long written = super.write(srcs, offs, len);
            watch.wrote(written);
            return written;
        }

        @Override
        public int writeFinal(ByteBuffer src) throws IOException {
            int written = super.writeFinal(src);
            watch.wrote(written);
            return written;
        }

        @Override
        public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
            long written = super.writeFinal(srcs, offs, len);
            watch.wrote(written);
            return written;
        }

        @Override
        public long transferFrom(FileChannel src, long position, long count) throws IOException {
            long written = super.transferFrom(src, position, count);
            watch.wrote(written);
            return written;
        }

        @Override
        public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
            long written = super.transferFrom(source, count, throughBuffer);
            watch.wrote(written);
            return written;
        }
    }
}
