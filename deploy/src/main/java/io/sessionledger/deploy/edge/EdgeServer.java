package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.wire.ConnectionLimit;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Undertow's HTTP/1.1 listener as {@code Undertow.start()} builds it, with one step more on accept
 * ({@link ConnectionLimit}): Undertow's builder has no place for it.
 */
final class EdgeServer implements AutoCloseable {

    /** Undertow's default less its 20 bytes of slack, at four times its default size (16 KB). */
    static final int BUFFER_BYTES = 64 * 1024 - 20;

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> channel;

    private EdgeServer(XnioWorker worker, AcceptingChannel<StreamConnection> channel) {
        this.worker = worker;
        this.channel = channel;
    }

    static EdgeServer start(String host, int port, EdgeLimits limits, HttpHandler handler) {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        XnioWorker worker;
        try {
            worker = Xnio.getInstance(EdgeServer.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                    .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OptionMap undertowOptions = OptionMap.builder()
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                // A kept-alive connection without a request is closed after this (a started head has its own timeout).
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleTimeout().toMillis())
                // The proxy forwards raw paths; decoding is the upstream's business.
                .set(UndertowOptions.DECODE_URL, false)
                .set(UndertowOptions.ENABLE_HTTP2, false)
                // The wire check's limits are the real ones; Undertow's must never be met before them.
                .set(UndertowOptions.MAX_PARAMETERS, limits.maxRequestLine())
                .set(UndertowOptions.MAX_HEADERS, limits.maxHeaders() + 8)
                .getMap();
        // Every read and write of a connection, the proxy's to and from the services too, goes through one pooled
        // buffer: at Undertow's 16 KB a streamed export (2.4 GB for a million events) took a read and a write per
        // ~7 lines on the edge and as many reads on its client. 64 KB cuts those system calls by four; a buffer is
        // held only while a connection reads or writes, not while it is idle.
        ByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_BYTES, -1, 4);
        HttpOpenListener http = new HttpOpenListener(buffers, undertowOptions);
        http.setRootHandler(handler);
        OptionMap socketOptions = OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.BALANCING_TOKENS, 1)
                .set(Options.BALANCING_CONNECTIONS, 2)
                .set(Options.BACKLOG, 1000)
                .getMap();
        try {
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(host, port),
                    ChannelListeners.openListenerAdapter(new ConnectionLimit(http, limits)), socketOptions);
            channel.resumeAccepts();
            return new EdgeServer(worker, channel);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    int port() {
        return channel.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** No new connections; those open stay open. */
    void stopAccepting() {
        IoUtils.safeClose(channel);
    }

    @Override
    public void close() {
        IoUtils.safeClose(channel);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
