package io.sessionledger.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code x-request-id} when it is sane, else a new UUID) and a
 * correlation id, and echoes the request id on every response, rejections included: it runs first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "x-request-id";
    public static final String CORRELATION_ID = "x-correlation-id";
    private static final int MAX_ID = 128;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = saneOrNull(request.getHeader(REQUEST_ID));
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        String correlationId = saneOrNull(request.getHeader(CORRELATION_ID));
        request.setAttribute(RequestContext.ATTRIBUTE,
                new RequestContext(requestId, correlationId != null ? correlationId : requestId, null));
        response.setHeader(REQUEST_ID, requestId);
        chain.doFilter(request, response);
    }

    /** Ids end up in logs, events and headers: 1-128 of {@code A-Z a-z 0-9 . _ : @ -}, else none. */
    public static String saneOrNull(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
            if (!ok) {
                return null;
            }
        }
        return value;
    }
}
