package io.sessionledger.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests a service answers with an error status, by status ({@value #METER}): what the operator
 * watches for refused keys (401/403), bad input (4xx), shed load (429/503). It wraps every other filter but the
 * request id, so the API-key filter's refusals count too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RejectedRequests extends OncePerRequestFilter {

    public static final String METER = "ledger.requests.rejected";

    private final MeterRegistry meters;

    public RejectedRequests(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status >= 400 && meters != null) {
                Counter.builder(METER).description("requests answered with an error status")
                        .tag("status", Integer.toString(status)).register(meters).increment();
            }
        }
    }
}
