package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.EdgeLimits;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one request head (request line and header lines, RFC 9112) byte by byte and refuses what a
 * lenient parser would repair: Undertow takes a bare LF or CR as a line end and a space as the end of a
 * header name, so one header could reach a service as two. Only origin-form targets, HTTP/1.1 or
 * HTTP/1.0, CRLF line ends, token header names and values without control characters get through, with
 * one Host (HTTP/1.1) and unambiguous framing: one Content-Length of digits, or one
 * "Transfer-Encoding: chunked" (HTTP/1.1) and never both.
 */
final class HeadLexer {

    /**
     * A head that was accepted.
     *
     * @param contentLength -1 without a Content-Length
     * @param path          the path as far as kept, for refusals of the body
     * @param dropped       start and end offsets (pairs) of the header lines the edge removes before
     *                      forwarding: Transfer-Encoding (the body is forwarded with a Content-Length) and
     *                      Expect (the edge answers it)
     */
    record Head(long contentLength, boolean chunked, boolean expectsContinue, String path, boolean isHead,
                int[] dropped) {
    }

    static final int MORE = -1;
    static final int REFUSED = -2;
    /** The header the edge uses for its own refusals (see {@link WireConduit}); a client may not send it. */
    static final String REFUSAL_HEADER = "x-ledger-edge-refusal";

    private static final int MAX_METHOD = 20;
    private static final int KEPT_PATH = 512;
    private static final int KEPT_NAME = 32;

    private enum State { START, METHOD, TARGET, VERSION, LINE_LF, NAME_START, NAME, VALUE, VALUE_LF, END_LF }

    private enum Field { HOST, CONTENT_LENGTH, TRANSFER_ENCODING, EXPECT, RESERVED }

    private final EdgeLimits limits;
    private final Framing framing = new Framing();
    private State state = State.START;
    private final StringBuilder method = new StringBuilder(8);
    private final StringBuilder path = new StringBuilder(64);
    private final StringBuilder version = new StringBuilder(8);
    private final StringBuilder name = new StringBuilder(KEPT_NAME);
    private final StringBuilder value = new StringBuilder(16);
    private boolean pathDone;
    private int targetLength;
    private int offset;
    private int lineStart;
    private int[] dropped = new int[0];
    private int lineBytes;
    private int headerBytes;
    private int headers;
    private Field field;
    private Refusal refusal;
    private Head head;

    HeadLexer(EdgeLimits limits) {
        this.limits = limits;
    }

    /** Whether a head has begun and is not complete yet. */
    boolean started() {
        return state != State.START;
    }

    Refusal refusal() {
        return refusal;
    }

    /** The head just completed; the lexer is ready for the next one. */
    Head takeHead() {
        Head complete = head;
        head = null;
        return complete;
    }

    /** A refusal of the head being read, e.g. when its time is up. */
    Refusal refuse(EdgeError error, String detail) {
        refusal = new Refusal(error, detail, refusalPath(), method.toString().equals("HEAD"));
        return refusal;
    }

    /**
     * Reads bytes {@code [from, to)} of {@code buffer} (absolute indexes; the buffer is not moved).
     *
     * @return the index just past the head's last byte, {@link #MORE} or {@link #REFUSED}
     */
    int feed(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = buffer.get(i) & 0xFF;
            offset++;
            String problem = switch (state) {
                case START, METHOD, TARGET, VERSION, LINE_LF -> requestLine(b);
                case NAME_START, NAME, VALUE, VALUE_LF, END_LF -> headerLine(b);
            };
            if (problem != null) {
                if (refusal == null) {
                    refuse(EdgeError.BAD_REQUEST, problem);
                }
                return REFUSED;
            }
            if (head != null) {
                return i + 1;
            }
        }
        return MORE;
    }

    /** @return why the byte is refused, or null */
    private String requestLine(int b) {
        if (state != State.LINE_LF && ++lineBytes > limits.maxRequestLine()) {
            refuse(EdgeError.URI_TOO_LONG, "The request line is longer than " + limits.maxRequestLine() + " bytes.");
            return "";
        }
        switch (state) {
            case START, METHOD -> {
                if (b == ' ' && state == State.METHOD) {
                    state = State.TARGET;
                } else if (!Chars.isToken(b)) {
                    return state == State.START ? "A request must begin with its method." : "The method contains " + Chars.describe(b) + ".";
                } else if (method.length() == MAX_METHOD) {
                    return "The method is longer than " + MAX_METHOD + " characters.";
                } else {
                    method.append((char) b);
                    state = State.METHOD;
                }
            }
            case TARGET -> {
                return target(b);
            }
            case VERSION -> {
                if (b == '\r') {
                    String v = version.toString();
                    if (!v.equals("HTTP/1.1") && !v.equals("HTTP/1.0")) {
                        return "Only HTTP/1.1 and HTTP/1.0 are accepted, not " + (v.isEmpty() ? "an empty version" : v) + ".";
                    }
                    state = State.LINE_LF;
                } else if (version.length() == 8 || b < 0x21 || b > 0x7E) {
                    return "Only HTTP/1.1 and HTTP/1.0 are accepted.";
                } else {
                    version.append((char) b);
                }
            }
            default -> {
                if (b != '\n') {
                    return "The request line must end with CRLF.";
                }
                state = State.NAME_START;
            }
        }
        return null;
    }

    private String target(int b) {
        if (b == ' ') {
            if (targetLength == 0) {
                return "The request line has no target.";
            }
            state = State.VERSION;
            return null;
        }
        if (b == '\r' || b == '\n') {
            return "The request line has no protocol version (HTTP/0.9 is not accepted).";
        }
        if (targetLength++ == 0 && b != '/' && !method.toString().equals("CONNECT")) {
            return "The request target must be a path beginning with '/'.";
        }
        if (!Chars.isTarget(b)) {
            return "The request target contains " + Chars.describe(b) + ", which must be percent-encoded.";
        }
        if (b == '?') {
            pathDone = true;
        } else if (!pathDone && path.length() < KEPT_PATH) {
            path.append((char) b);
        }
        return null;
    }

    private String headerLine(int b) {
        if (++headerBytes > limits.maxHeaderBytes()) {
            refuse(EdgeError.HEADERS_TOO_LARGE, "The header lines are longer than " + limits.maxHeaderBytes() + " bytes.");
            return "";
        }
        switch (state) {
            case NAME_START -> {
                if (b == '\r') {
                    state = State.END_LF;
                } else if (b == ' ' || b == '\t') {
                    return "A header line begins with whitespace (line folding is not accepted).";
                } else if (!Chars.isToken(b)) {
                    return b == '\n' ? "A line ends with a bare LF; lines end with CRLF."
                            : "A header name contains " + Chars.describe(b) + ".";
                } else {
                    lineStart = offset - 1;
                    name.setLength(0);
                    name.append(Character.toLowerCase((char) b));
                    state = State.NAME;
                }
            }
            case NAME -> {
                if (b == ':') {
                    field = field(name);
                    value.setLength(0);
                    state = State.VALUE;
                } else if (b == ' ' || b == '\t') {
                    return "A header name is followed by whitespace; a header name has no spaces and is followed by ':'.";
                } else if (!Chars.isToken(b)) {
                    return b == '\r' || b == '\n' ? "A header line has no ':'." : "A header name contains " + Chars.describe(b) + ".";
                } else if (name.length() <= KEPT_NAME) {
                    name.append(Character.toLowerCase((char) b));
                }
            }
            case VALUE -> {
                if (b == '\r') {
                    state = State.VALUE_LF;
                } else if (Chars.isFieldValue(b)) {
                    if (field != null) {
                        value.append((char) b);
                    }
                } else {
                    return b == '\n' ? "A header value contains a bare LF." : "A header value contains " + Chars.describe(b) + ".";
                }
            }
            case VALUE_LF -> {
                if (b != '\n') {
                    return "A header value contains a bare CR.";
                }
                if (++headers > limits.maxHeaders()) {
                    refuse(EdgeError.HEADERS_TOO_LARGE, "The request has more than " + limits.maxHeaders() + " header lines.");
                    return "";
                }
                if (field != null) {
                    framing.add(field == Field.RESERVED ? null : field.name(), value.toString().strip());
                }
                if (field == Field.TRANSFER_ENCODING || field == Field.EXPECT) {
                    dropped = Arrays.copyOf(dropped, dropped.length + 2);
                    dropped[dropped.length - 2] = lineStart;
                    dropped[dropped.length - 1] = offset;
                }
                state = State.NAME_START;
            }
            default -> {
                if (b != '\n') {
                    return "The header section must end with CRLF.";
                }
                return complete();
            }
        }
        return null;
    }

    private String complete() {
        String problem = framing.problem(version.toString().equals("HTTP/1.0"));
        if (problem != null) {
            return problem;
        }
        boolean http11 = version.toString().equals("HTTP/1.1");
        head = new Head(framing.contentLength(), framing.chunked(), http11 && framing.expectsContinue(),
                refusalPath(), method.toString().equals("HEAD"), dropped);
        reset();
        return null;
    }

    private void reset() {
        state = State.START;
        method.setLength(0);
        path.setLength(0);
        version.setLength(0);
        pathDone = false;
        targetLength = 0;
        offset = 0;
        dropped = new int[0];
        lineBytes = 0;
        headerBytes = 0;
        headers = 0;
        field = null;
        framing.clear();
    }

    private String refusalPath() {
        return path.length() > 0 && path.charAt(0) == '/' ? path.toString() : "/";
    }

    private static Field field(CharSequence name) {
        return switch (name.toString()) {
            case "host" -> Field.HOST;
            case "content-length" -> Field.CONTENT_LENGTH;
            case "transfer-encoding" -> Field.TRANSFER_ENCODING;
            case "expect" -> Field.EXPECT;
            case REFUSAL_HEADER -> Field.RESERVED;
            default -> null;
        };
    }
}
