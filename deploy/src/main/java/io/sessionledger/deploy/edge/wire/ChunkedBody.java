package io.sessionledger.deploy.edge.wire;

import java.nio.ByteBuffer;

/**
 * Reads a chunked body (RFC 9112 7.1) to its end, handing on the chunks' data, and refuses a malformed one (a size that is not hex or has more than 8 digits, a bare CR or LF, a chunk
 * longer than its size) before Undertow's more forgiving reader sees it.
 */
final class ChunkedBody {

    static final int MORE = -1;
    static final int MALFORMED = -2;
    static final int TOO_LARGE = -3;

    /** Where the chunks' data goes. */
    interface Data {
        /** @return false when the body would grow beyond its limit */
        boolean take(ByteBuffer source, int from, int length);
    }
    private static final int MAX_SIZE_DIGITS = 8;

    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER, TRAILER_LF, END_LF }

    private final int maxTrailerBytes;
    private State state = State.SIZE;
    private int sizeDigits;
    private long remaining;
    private int trailerBytes;
    private String problem;

    ChunkedBody(int maxTrailerBytes) {
        this.maxTrailerBytes = maxTrailerBytes;
    }

    String problem() {
        return problem;
    }

    /** @return the index just past the body's last byte, {@link #MORE}, {@link #MALFORMED} or {@link #TOO_LARGE} */
    int feed(ByteBuffer buffer, int from, int to, Data data) {
        int i = from;
        while (i < to) {
            if (state == State.DATA) {
                int take = (int) Math.min(remaining, to - i);
                if (!data.take(buffer, i, take)) {
                    return TOO_LARGE;
                }
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    state = State.DATA_CR;
                }
                continue;
            }
            problem = step(buffer.get(i++) & 0xFF);
            if (problem != null) {
                return MALFORMED;
            }
            if (state == null) {
                return i;
            }
        }
        return MORE;
    }

    private String step(int b) {
        switch (state) {
            case SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0 && b < 128) {
                    if (++sizeDigits > MAX_SIZE_DIGITS) {
                        return "a chunk size has more than " + MAX_SIZE_DIGITS + " hex digits";
                    }
                    remaining = remaining * 16 + digit;
                } else if (sizeDigits == 0) {
                    return "a chunk size is not a hex number";
                } else if (b == ';') {
                    state = State.EXTENSION;
                } else if (b == '\r') {
                    state = State.SIZE_LF;
                } else {
                    return "a chunk size is followed by " + Chars.describe(b);
                }
            }
            case EXTENSION -> {
                if (b == '\r') {
                    state = State.SIZE_LF;
                } else if (!Chars.isFieldValue(b) || b > 0x7E) {
                    return "a chunk extension contains " + Chars.describe(b);
                }
            }
            case SIZE_LF -> {
                if (b != '\n') {
                    return "a chunk size line ends with a bare CR";
                }
                sizeDigits = 0;
                state = remaining == 0 ? State.TRAILER_START : State.DATA;
            }
            case DATA_CR -> {
                if (b != '\r') {
                    return "a chunk is longer than its size";
                }
                state = State.DATA_LF;
            }
            case DATA_LF, TRAILER_LF -> {
                if (b != '\n') {
                    return "a line ends with a bare CR";
                }
                state = state == State.DATA_LF ? State.SIZE : State.TRAILER_START;
            }
            case TRAILER_START, TRAILER -> {
                if (++trailerBytes > maxTrailerBytes) {
                    return "the trailer section is longer than " + maxTrailerBytes + " bytes";
                }
                if (b == '\r') {
                    state = state == State.TRAILER_START ? State.END_LF : State.TRAILER_LF;
                } else if (!Chars.isFieldValue(b) || (state == State.TRAILER_START && !Chars.isToken(b))) {
                    return "a trailer line contains " + Chars.describe(b);
                } else {
                    state = State.TRAILER;
                }
            }
            case END_LF -> {
                if (b != '\n') {
                    return "the body ends with a bare CR";
                }
                state = null;
            }
            default -> throw new IllegalStateException(state.name());
        }
        return null;
    }
}
