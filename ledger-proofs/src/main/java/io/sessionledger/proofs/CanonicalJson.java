package io.sessionledger.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JSON Canonicalization Scheme): members sorted by their UTF-16 code units, no whitespace, strings
 * with the minimal escapes, numbers as ECMAScript prints an IEEE-754 double (the shortest digits that read
 * back to the same double). A hash over this form does not depend on how a JSON writer laid the bytes out.
 */
public final class CanonicalJson {

    private static final double SAFE_INTEGER = 0x1p53;
    /**
     * One builder per thread, reused: an event's canonical form is ~1 KB, and a new builder per event grew three
     * times on the way there (a whole-ledger verification allocated more for those copies than for its rows).
     */
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(2048));
    private static final int KEPT_CAPACITY = 64 * 1024;

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode node) {
        StringBuilder out = BUILDER.get();
        out.setLength(0);
        write(node, out);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (out.capacity() > KEPT_CAPACITY) {
            BUILDER.remove(); // an unusually large event: its builder is not kept
        }
        return bytes;
    }

    public static String text(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo); // String order is UTF-16 code unit order, as RFC 8785 §3.2.3 asks
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            for (boolean first = true; items.hasNext(); first = false) {
                if (!first) {
                    out.append(',');
                }
                write(items.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else {
            throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    /** Runs of characters that need no escape are copied whole: strings are most of what an event holds. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
            run = i + 1;
        }
        out.append(value, run, value.length()).append('"');
    }

    /** ECMAScript's Number.prototype.toString for a finite double (RFC 8785 §3.2.2.3). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < SAFE_INTEGER) {
            return Long.toString((long) value); // an integer below 2^53 is its own shortest form (sequences, counts)
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent));
        }
        return out.toString();
    }

    /** The fewest significant digits that read back as the same double, nearest to it (trailing zeros cut). */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
