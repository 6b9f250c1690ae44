package io.sessionledger.deploy.edge.wire;

import io.undertow.util.NetworkUtils;

import java.util.regex.Pattern;

/**
 * The header fields that decide where a request ends and who it is for. Every ambiguity a request
 * smuggler needs is refused: Content-Length together with Transfer-Encoding, either of them twice, a
 * Content-Length that is not plain digits, a coding other than chunked, chunked in HTTP/1.0, and a Host
 * missing, repeated or malformed (Undertow's own check would answer those without a body).
 */
final class Framing {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IP6 = Pattern.compile(NetworkUtils.IP6_EXACT);
    private static final String REG_NAME = "-._~!$&'()*+,;=";

    private int hosts;
    private int contentLengths;
    private int transferEncodings;
    private boolean reserved;
    private String host;
    private String contentLength;
    private String transferEncoding;
    private boolean expectsContinue;

    /** @param field HOST, CONTENT_LENGTH, TRANSFER_ENCODING or EXPECT; null for the edge's reserved header */
    void add(String field, String value) {
        if (field == null) {
            reserved = true;
            return;
        }
        switch (field) {
            case "HOST" -> {
                hosts++;
                host = value;
            }
            case "CONTENT_LENGTH" -> {
                contentLengths++;
                contentLength = value;
            }
            case "EXPECT" -> expectsContinue |= value.equalsIgnoreCase("100-continue");
            default -> {
                transferEncodings++;
                transferEncoding = value;
            }
        }
    }

    /** @return why the head is refused, or null */
    String problem(boolean http10) {
        if (reserved) {
            return "The header " + HeadLexer.REFUSAL_HEADER + " is reserved for the edge.";
        }
        if (hosts > 1 || (hosts == 0 && !http10)) {
            return "An HTTP/1.1 request needs exactly one Host header.";
        }
        if (hosts == 1 && !isHost(host)) {
            return "The Host header is not a host name or address with an optional port.";
        }
        if (transferEncodings > 0) {
            if (contentLengths > 0) {
                return "A request may not have both Content-Length and Transfer-Encoding.";
            }
            if (http10) {
                return "Transfer-Encoding is not accepted in HTTP/1.0.";
            }
            if (transferEncodings > 1 || !transferEncoding.equalsIgnoreCase("chunked")) {
                return "The only Transfer-Encoding accepted is one 'chunked'.";
            }
        }
        if (contentLengths > 1) {
            return "A request may have only one Content-Length.";
        }
        if (contentLengths == 1 && !DIGITS.matcher(contentLength).matches()) {
            return "Content-Length must be a number of bytes.";
        }
        return null;
    }

    long contentLength() {
        return contentLengths == 0 ? -1 : Long.parseLong(contentLength);
    }

    boolean expectsContinue() {
        return expectsContinue;
    }

    boolean chunked() {
        return transferEncodings > 0;
    }

    void clear() {
        hosts = 0;
        contentLengths = 0;
        transferEncodings = 0;
        reserved = false;
        host = null;
        contentLength = null;
        transferEncoding = null;
        expectsContinue = false;
    }

    /** uri-host [ ":" port ] (RFC 9110 7.2): a reg-name, IPv4 or [IPv6] address. */
    static boolean isHost(String value) {
        String name = value;
        int colon = value.lastIndexOf(':');
        if (colon > value.lastIndexOf(']')) {
            String port = value.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return false;
            }
            name = value.substring(0, colon);
        }
        if (name.startsWith("[")) {
            return name.endsWith("]") && IP6.matcher(name.substring(1, name.length() - 1)).matches();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                if (i + 2 >= name.length() || Character.digit(name.charAt(i + 1), 16) < 0
                        || Character.digit(name.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(c < 128 && Character.isLetterOrDigit(c)) && REG_NAME.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
