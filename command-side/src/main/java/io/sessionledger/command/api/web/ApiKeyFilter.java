package io.sessionledger.command.api.web;

import io.sessionledger.command.security.AdminKey;
import io.sessionledger.command.security.ApiKeys;
import io.sessionledger.command.security.Principal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request needs {@code x-api-key}, except health and the API docs. Admin paths take the admin key;
 * everything else a tenant's key, whose tenant the request is then bound to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "x-api-key";
    private static final Principal ADMIN = new Principal("admin", "_admin", "admin");

    private final ApiKeys apiKeys;
    private final AdminKey adminKey;
    private final ErrorWriter errors;

    public ApiKeyFilter(ApiKeys apiKeys, AdminKey adminKey, ErrorWriter errors) {
        this.apiKeys = apiKeys;
        this.adminKey = adminKey;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")
                || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank() || key.length() > 512) {
            errors.write(request, response, ApiError.unauthorized("a valid x-api-key header is required"));
            return;
        }
        Optional<Principal> principal = isAdminPath(request.getRequestURI())
                ? Optional.of(ADMIN).filter(admin -> adminKey.matches(key))
                : apiKeys.resolve(key);
        if (principal.isEmpty()) {
            errors.write(request, response, ApiError.unauthorized("the x-api-key is not valid here"));
            return;
        }
        request.setAttribute(RequestContext.ATTRIBUTE, RequestContext.of(request).withPrincipal(principal.get()));
        chain.doFilter(request, response);
    }

    private static boolean isAdminPath(String path) {
        return path.startsWith("/ledger/v1/api-keys");
    }
}
