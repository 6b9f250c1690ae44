package io.sessionledger.query.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects paths with dot segments ({@code /sessions/../x}) as malformed instead of letting the container
 * quietly resolve them into another route: an id like {@code ../x} is a bad request, not a different URL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DotSegmentFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMalformed(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the path is malformed");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the raw path holds a backslash or a segment that is one or two dots, each plain or {@code %2e} in
     * either case ({@code .}, {@code ..}, {@code %2E}, {@code .%2e} ...). A scan of the path's characters: this runs
     * on every request, where a regular expression over a lower-cased copy cost a measurable share (issue 11).
     */
    static boolean isMalformed(String rawPath) {
        int start = 0;
        int length = rawPath.length();
        int lastLineEnd = lastLineEnd(rawPath);
        for (int i = 0; i <= length; i++) {
            boolean boundary = i == length || rawPath.charAt(i) == '/';
            // The expression this replaced ended a segment also before a final line terminator ("$"): so does this.
            if ((boundary || i == lastLineEnd) && isDots(rawPath, start, i)) {
                return true;
            }
            if (boundary) {
                start = i + 1;
            } else if (rawPath.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Where a final line terminator (as {@code java.util.regex} counts them) starts, or -1. */
    private static int lastLineEnd(String rawPath) {
        int n = rawPath.length();
        if (n >= 2 && rawPath.charAt(n - 2) == '\r' && rawPath.charAt(n - 1) == '\n') {
            return n - 2;
        }
        if (n >= 1) {
            char last = rawPath.charAt(n - 1);
            if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
                return n - 1;
            }
        }
        return -1;
    }

    /** {@code rawPath[from, to)} is one or two dots, each {@code .} or {@code %2e} (any case). */
    private static boolean isDots(String rawPath, int from, int to) {
        int dots = 0;
        int i = from;
        while (i < to) {
            if (rawPath.charAt(i) == '.') {
                i++;
            } else if (to - i >= 3 && rawPath.charAt(i) == '%' && rawPath.charAt(i + 1) == '2'
                    && (rawPath.charAt(i + 2) == 'e' || rawPath.charAt(i + 2) == 'E')) {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }
}
