package io.sessionledger.command.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id (the client's, when it is sane) and a correlation id, echoed in the response. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "x-request-id";
    public static final String CORRELATION_ID = "x-correlation-id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

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

    private static String saneOrNull(String value) {
        return value != null && SANE_ID.matcher(value).matches() ? value : null;
    }
}
