package io.sessionledger.deploy.edge.wire;

/** The byte classes of RFC 9110/9112 and RFC 3986 the edge checks requests against. */
final class Chars {

    private static final boolean[] TOKEN = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
            TARGET[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 32] = true;
            TARGET[c] = true;
            TARGET[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
        // unreserved, sub-delims, ':' '@' '/' '?' and '%' of a percent-encoding; '[' ']' as Undertow accepts them
        for (char c : "-._~!$&'()*+,;=:@/?%[]".toCharArray()) {
            TARGET[c] = true;
        }
    }

    private Chars() {
    }

    /** tchar: header names, methods. */
    static boolean isToken(int b) {
        return TOKEN[b];
    }

    /** What may appear unencoded in a request target: no '\', '#', space, controls or raw non-ASCII bytes. */
    static boolean isTarget(int b) {
        return TARGET[b];
    }

    /** field-vchar, SP and HTAB; bytes above 0x7F are allowed: the services read header values as UTF-8. */
    static boolean isFieldValue(int b) {
        return b == '\t' || (b >= 0x20 && b != 0x7F);
    }

    static String describe(int b) {
        return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("the byte 0x%02X", b);
    }
}
