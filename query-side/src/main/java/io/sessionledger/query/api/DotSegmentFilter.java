package io.sessionledger.query.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
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

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
        if (DOT_SEGMENT.matcher(raw).find() || raw.indexOf('\\') >= 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the path is malformed");
            return;
        }
        chain.doFilter(request, response);
    }
}
