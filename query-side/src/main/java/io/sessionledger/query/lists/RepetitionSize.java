package io.sessionledger.query.lists;

/**
 * How many elements a pattern's counted repetitions expand to, estimated from above without compiling it.
 * RE2/J expands {@code x{n}} into n copies of x and, unlike RE2 in C++, sets no limit on the result: a
 * 24-character pattern such as {@code ((a{1000}){1000}){1000}} exhausts the heap while compiling.
 *
 * <p>Sizes: a literal, escape or class is 1; a sequence or alternation is the sum of its parts; a group is
 * its content; {@code {n}}, {@code {n,}} (n + 1) and {@code {n,m}} multiply the element before them.
 * Malformed patterns get some size and are then rejected by RE2/J's own parser.
 */
final class RepetitionSize {

    static final int MAX = 1_000;
    /** Sizes stop growing here, far above MAX and far below overflow. */
    private static final long SATURATED = Long.MAX_VALUE / 4;
    private static final long BIG_COUNT = 1_000_000_000L;

    private final String regex;
    private int at;

    private RepetitionSize(String regex) {
        this.regex = regex;
    }

    static long of(String regex) {
        return new RepetitionSize(regex).sequence(false);
    }

    /** Sums the elements up to the end, or up to the ')' closing the group being read. */
    private long sequence(boolean inGroup) {
        long total = 0;
        long last = 0;
        while (at < regex.length()) {
            char c = regex.charAt(at++);
            if (c == ')' && inGroup) {
                return total;
            }
            if (c == '{' && isCount()) {
                long times = count();
                total = plus(total - last, times(last, times));
                last = times(last, times);
                continue;
            }
            last = switch (c) {
                case '(' -> sequence(true);
                case '|' -> 0;
                case '*', '+', '?' -> last;
                case '\\' -> escape();
                case '[' -> charClass();
                default -> 1;
            };
            if (c != '*' && c != '+' && c != '?') {
                total = plus(total, last);
            }
        }
        return total;
    }

    /** Just after '{': whether {n}, {n,} or {n,m} follows (otherwise RE2 reads the brace as a literal). */
    private boolean isCount() {
        int i = at;
        int digits = skipDigits(i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < regex.length() && regex.charAt(i) == ',') {
            i = skipDigits(i + 1);
        }
        return i < regex.length() && regex.charAt(i) == '}';
    }

    private long count() {
        long min = number();
        long times = min;
        if (regex.charAt(at) == ',') {
            at++;
            times = regex.charAt(at) == '}' ? min + 1 : number();
        }
        at++; // '}'
        return Math.max(1, Math.max(min, times));
    }

    private long number() {
        long value = 0;
        while (isDigit(regex.charAt(at))) {
            value = Math.min(value * 10 + (regex.charAt(at++) - '0'), BIG_COUNT);
        }
        return value;
    }

    private long escape() {
        if (at >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(at++);
        if (c == 'Q') {
            int end = regex.indexOf("\\E", at);
            int stop = end < 0 ? regex.length() : end;
            long literals = stop - at;
            at = end < 0 ? stop : end + 2;
            return Math.max(1, literals);
        }
        if ((c == 'x' || c == 'p' || c == 'P') && at < regex.length() && regex.charAt(at) == '{') {
            int close = regex.indexOf('}', at);
            at = close < 0 ? regex.length() : close + 1;
        }
        return 1;
    }

    private long charClass() {
        if (at < regex.length() && regex.charAt(at) == '^') {
            at++;
        }
        if (at < regex.length() && regex.charAt(at) == ']') {
            at++;
        }
        while (at < regex.length()) {
            char c = regex.charAt(at++);
            if (c == ']') {
                return 1;
            }
            if (c == '\\') {
                escape();
            } else if (c == '[' && at < regex.length() && regex.charAt(at) == ':') {
                int close = regex.indexOf(":]", at);
                at = close < 0 ? at : close + 2;
            }
        }
        return 1;
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < regex.length() && isDigit(regex.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long plus(long a, long b) {
        return Math.min(a + b, SATURATED);
    }

    private static long times(long a, long b) {
        return a != 0 && b > SATURATED / a ? SATURATED : a * b;
    }
}
