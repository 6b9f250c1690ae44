package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.EdgeLimits;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Sits under Undertow's HTTP parser on every client connection, so that the parser and the proxy only
 * ever see whole, valid requests ({@link RequestAssembler}): a request the client did not complete is
 * never forwarded, a slow client holds no service connection, and every refusal is answered by the edge
 * in the path's dialect, where Undertow's parser would answer a bare 400 or forward what it repaired.
 * The header and body timeouts run here, on the connection's IO thread. After a refusal, whatever else the
 * client sends is read and dropped, so the answer is not lost to a reset when the connection closes.
 */
public final class WireConduit extends AbstractStreamSourceConduit<StreamSourceConduit>
        implements RequestAssembler.Events {

    public static final HttpString REFUSAL_HEADER = new HttpString(HeadLexer.REFUSAL_HEADER);
    /** Dropped after a refusal before the connection is simply closed (Undertow also stops after 10 s). */
    private static final long MAX_DISCARD = 64L * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final StreamSinkConduit sink;
    private final EdgeLimits limits;
    private final Deque<ByteBuffer> ready = new ArrayDeque<>(4);
    private final RequestAssembler assembler;
    private XnioExecutor.Key headerTimer;
    private XnioExecutor.Key bodyTimer;
    private long discarded;

    /** @param sink the connection's own sink, for the 100 Continue the edge sends itself */
    public WireConduit(StreamSourceConduit next, StreamSinkConduit sink, EdgeLimits limits) {
        super(next);
        this.sink = sink;
        this.limits = limits;
        this.assembler = new RequestAssembler(limits, this, ready);
    }

    /** The refusal an exchange stands for, when it is the edge's own request carrying {@link #REFUSAL_HEADER}. */
    public static Refusal refusalOf(HttpServerExchange exchange) {
        if (!exchange.getRequestHeaders().contains(REFUSAL_HEADER)
                || !(exchange.getConnection() instanceof AbstractServerConnection connection)
                || !(connection.getOriginalSourceConduit() instanceof WireConduit wire)) {
            return null;
        }
        synchronized (wire) {
            return wire.assembler.refusal();
        }
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (!ready.isEmpty()) {
            return drain(dst);
        }
        if (assembler.refused()) {
            return discard();
        }
        int start = dst.position();
        int n = next.read(dst);
        if (n < 0 && assembler.inProgress()) {
            // A client that stopped sending but still listens learns why; one that is gone gets nothing.
            assembler.refuseInProgress(EdgeError.BAD_REQUEST, "The connection ended in the request headers.",
                    "The connection ended before the request body was complete.");
        } else if (n > 0) {
            assembler.feed(dst, start, start + n);
            dst.position(start);
        }
        if (!ready.isEmpty()) {
            return drain(dst);
        }
        if (n < 0) {
            cancelTimers();
        }
        return n < 0 ? -1 : 0;
    }

    private int drain(ByteBuffer dst) {
        int total = 0;
        while (!ready.isEmpty() && dst.hasRemaining()) {
            ByteBuffer first = ready.peekFirst();
            int n = Math.min(first.remaining(), dst.remaining());
            int limit = first.limit();
            first.limit(first.position() + n);
            dst.put(first);
            first.limit(limit);
            total += n;
            if (!first.hasRemaining()) {
                ready.pollFirst();
            }
        }
        return total;
    }

    private int discard() throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(8192);
        int n;
        while ((n = next.read(scratch)) > 0) {
            discarded += n;
            scratch.clear();
            if (discarded > MAX_DISCARD) {
                return -1;
            }
        }
        return n;
    }

    @Override
    public void headStarted() {
        cancelTimers();
        headerTimer = schedule(limits.headerTimeout().toMillis());
    }

    @Override
    public void bodyStarted(boolean expectsContinue) {
        cancelTimers();
        bodyTimer = schedule(limits.bodyTimeout().toMillis());
        if (expectsContinue) {
            sendContinue();
        }
    }

    @Override
    public void requestEnded() {
        cancelTimers();
    }

    private synchronized void timeUp() {
        headerTimer = null;
        bodyTimer = null;
        if (!assembler.inProgress()) {
            return;
        }
        assembler.refuseInProgress(EdgeError.REQUEST_TIMEOUT,
                "The request headers did not arrive within " + limits.headerTimeout().toSeconds() + " s.",
                "The request body did not arrive within " + limits.bodyTimeout().toSeconds() + " s.");
        next.wakeupReads();
    }

    /**
     * The client waits for this before it sends the body; the edge answers it because only the edge reads
     * bodies. (A client that pipelines such a request behind one still being answered may see the 100 first;
     * that confuses only its own connection.)
     */
    private void sendContinue() {
        try {
            ByteBuffer answer = ByteBuffer.wrap(CONTINUE);
            for (int tries = 0; tries < 3 && answer.hasRemaining(); tries++) {
                sink.write(answer);
            }
            if (answer.hasRemaining() || !sink.flush()) {
                sink.truncateWrites();
            }
        } catch (IOException e) {
            // The client is gone; its request will end with the connection.
        }
    }

    private XnioExecutor.Key schedule(long millis) {
        return next.getReadThread().executeAfter(this::timeUp, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (headerTimer != null) {
            headerTimer.remove();
            headerTimer = null;
        }
        if (bodyTimer != null) {
            bodyTimer.remove();
            bodyTimer = null;
        }
    }

    /** Whole requests held here would not wake the socket: wake the reader instead. */
    @Override
    public synchronized void resumeReads() {
        if (!ready.isEmpty()) {
            next.wakeupReads();
        } else {
            next.resumeReads();
        }
    }

    @Override
    public synchronized boolean isReadShutdown() {
        return ready.isEmpty() && next.isReadShutdown();
    }

    @Override
    public void awaitReadable() throws IOException {
        if (ready.isEmpty()) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (ready.isEmpty()) {
            next.awaitReadable(time, timeUnit);
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        for (int i = offs; i < offs + len; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    @Override
    public void terminateReads() throws IOException {
        synchronized (this) {
            cancelTimers();
        }
        next.terminateReads();
    }
}
