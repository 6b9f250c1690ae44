package io.sessionledger.query.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.sessionledger.query.config.LedgerProperties;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request needs a valid {@code x-api-key}, except health, info and the API docs. Rejections go
 * through the servlet error path, so the dialect's one error mapper words them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "x-api-key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeyVerifier verifier;
    private final LedgerProperties ledger;

    public ApiKeyFilter(ApiKeyVerifier verifier, LedgerProperties ledger) {
        this.verifier = verifier;
        this.ledger = ledger;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded, normalised path the container dispatches on, never the raw URI ("/actuator/health/../x").
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info") || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = request.getHeader(HEADER);
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 512) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a valid x-api-key header is required");
            return;
        }
        if (request.getServletPath().startsWith("/ledger/v1/")) {
            if (!ledger.isAdminKey(apiKey)) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "the ledger admin API needs the admin key");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<Principal> principal;
        try {
            principal = verifier.verify(apiKey);
        } catch (PrincipalLookup.Unavailable e) {
            log.warn("cannot verify API key: {}", e.getMessage());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "API keys cannot be verified right now");
            return;
        }
        if (principal.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a valid x-api-key header is required");
            return;
        }
        request.setAttribute(Principal.ATTRIBUTE, principal.get());
        chain.doFilter(request, response);
    }
}
