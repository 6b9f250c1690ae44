package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.EdgeLimits;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;

/**
 * Turns the bytes of one connection into whole requests: a request is handed on only when its head and
 * its entire body have arrived and passed the checks, with Content-Length framing (a chunked body is
 * forwarded de-chunked) and without Expect (the edge answers it). A request that is refused (malformed,
 * too large, too slow, cut off) is replaced by the edge's own request that stands for the refusal; nothing
 * after it on the connection is read as a request.
 */
final class RequestAssembler {

    /** What the connection's timers and the 100-continue answer need to know. */
    interface Events {
        void headStarted();

        void bodyStarted(boolean expectsContinue);

        /** Nothing is being read: the request is complete or refused. */
        void requestEnded();
    }

    private enum Phase { HEAD, FIXED_BODY, CHUNKED_BODY, REFUSED }

    private final EdgeLimits limits;
    private final Events events;
    private final Deque<ByteBuffer> ready;
    private final HeadLexer lexer;
    private Phase phase = Phase.HEAD;
    private byte[] head = new byte[512];
    private int headLength;
    private HeadLexer.Head accepted;
    private byte[] body;
    private int bodyLength;
    private ChunkedBody chunked;
    private Refusal refusal;

    /** @param ready where complete requests (and the edge's own requests for refusals) are added */
    RequestAssembler(EdgeLimits limits, Events events, Deque<ByteBuffer> ready) {
        this.limits = limits;
        this.events = events;
        this.ready = ready;
        this.lexer = new HeadLexer(limits);
    }

    Refusal refusal() {
        return refusal;
    }

    boolean refused() {
        return phase == Phase.REFUSED;
    }

    /** Whether part of a request has arrived. */
    boolean inProgress() {
        return phase == Phase.FIXED_BODY || phase == Phase.CHUNKED_BODY || (phase == Phase.HEAD && lexer.started());
    }

    /** Reads bytes {@code [from, to)} of {@code buffer} (absolute indexes; the buffer is not moved). */
    void feed(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to && phase != Phase.REFUSED) {
            i = switch (phase) {
                case HEAD -> head(buffer, i, to);
                case FIXED_BODY -> fixedBody(buffer, i, to);
                default -> chunkedBody(buffer, i, to);
            };
        }
    }

    /** The request being read is refused: its time is up, or the client stopped sending. */
    void refuseInProgress(EdgeError error, String headDetail, String bodyDetail) {
        if (phase == Phase.HEAD && lexer.started()) {
            refuse(lexer.refuse(error, headDetail));
        } else if (phase == Phase.FIXED_BODY || phase == Phase.CHUNKED_BODY) {
            refuse(new Refusal(error, bodyDetail, accepted.path(), accepted.isHead()));
        }
    }

    private int head(ByteBuffer buffer, int from, int to) {
        if (!lexer.started()) {
            events.headStarted();
        }
        int end = lexer.feed(buffer, from, to);
        if (end == HeadLexer.REFUSED) {
            refuse(lexer.refusal());
            return to;
        }
        int stop = end == HeadLexer.MORE ? to : end;
        append(buffer, from, stop - from);
        if (end == HeadLexer.MORE) {
            return to;
        }
        accepted = lexer.takeHead();
        long length = accepted.contentLength();
        if (length > limits.maxBodyBytes()) {
            refuse(new Refusal(EdgeError.PAYLOAD_TOO_LARGE, tooLarge(), accepted.path(), accepted.isHead()));
        } else if (accepted.chunked()) {
            body = new byte[Math.min(1024, limits.maxBodyBytes())];
            chunked = new ChunkedBody(limits.maxHeaderBytes());
            phase = Phase.CHUNKED_BODY;
            events.bodyStarted(accepted.expectsContinue());
        } else if (length > 0) {
            body = new byte[(int) length];
            phase = Phase.FIXED_BODY;
            events.bodyStarted(accepted.expectsContinue());
        } else {
            complete();
        }
        return end;
    }

    private int fixedBody(ByteBuffer buffer, int from, int to) {
        int take = Math.min(body.length - bodyLength, to - from);
        buffer.get(from, body, bodyLength, take);
        bodyLength += take;
        if (bodyLength == body.length) {
            complete();
        }
        return from + take;
    }

    private int chunkedBody(ByteBuffer buffer, int from, int to) {
        int end = chunked.feed(buffer, from, to, this::takeChunk);
        if (end == ChunkedBody.TOO_LARGE) {
            refuse(new Refusal(EdgeError.PAYLOAD_TOO_LARGE, tooLarge(), accepted.path(), accepted.isHead()));
        } else if (end == ChunkedBody.MALFORMED) {
            refuse(Refusal.badRequest("The chunked body is malformed: " + chunked.problem() + ".", accepted.path(),
                    accepted.isHead()));
        } else if (end != ChunkedBody.MORE) {
            complete();
            return end;
        }
        return to;
    }

    private boolean takeChunk(ByteBuffer source, int from, int length) {
        if (bodyLength + length > limits.maxBodyBytes()) {
            return false;
        }
        if (bodyLength + length > body.length) {
            body = Arrays.copyOf(body, Math.min(limits.maxBodyBytes(), Math.max(bodyLength + length, body.length * 2)));
        }
        source.get(from, body, bodyLength, length);
        bodyLength += length;
        return true;
    }

    private void append(ByteBuffer source, int from, int length) {
        if (headLength + length > head.length) {
            head = Arrays.copyOf(head, Math.max(headLength + length, head.length * 2));
        }
        source.get(from, head, headLength, length);
        headLength += length;
    }

    private void complete() {
        ready.add(forwardedHead());
        if (bodyLength > 0) {
            ready.add(ByteBuffer.wrap(body, 0, bodyLength));
        }
        clear();
        phase = Phase.HEAD;
        events.requestEnded();
    }

    /** The head as received, without the dropped lines and, for a chunked body, with its Content-Length. */
    private ByteBuffer forwardedHead() {
        int[] dropped = accepted.dropped();
        if (dropped.length == 0) {
            return ByteBuffer.wrap(head, 0, headLength);
        }
        byte[] length = accepted.chunked()
                ? ("Content-Length: " + bodyLength + "\r\n").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        ByteBuffer forwarded = ByteBuffer.allocate(headLength + length.length);
        int at = 0;
        for (int d = 0; d < dropped.length; d += 2) {
            forwarded.put(head, at, dropped[d] - at);
            at = dropped[d + 1];
        }
        forwarded.put(head, at, headLength - 2 - at).put(length).put(head, headLength - 2, 2);
        return forwarded.flip();
    }

    private void refuse(Refusal refused) {
        refusal = refused;
        phase = Phase.REFUSED;
        clear();
        String request = (refused.head() ? "HEAD " : "GET ") + refused.path() + " HTTP/1.1\r\nHost: edge\r\n"
                + HeadLexer.REFUSAL_HEADER + ": 1\r\n\r\n";
        ready.add(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        events.requestEnded();
    }

    private void clear() {
        head = new byte[512];
        headLength = 0;
        body = null;
        bodyLength = 0;
        chunked = null;
        accepted = null;
    }

    private String tooLarge() {
        return "The request body is larger than " + limits.maxBodyBytes() + " bytes.";
    }
}
