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
        return isPublic(request.getRequestURI()) && isPublic(dispatchedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank() || key.length() > 512) {
            errors.write(request, response, ApiError.unauthorized("a valid x-api-key header is required"));
            return;
        }
        Optional<Principal> principal = isAdminPath(request.getRequestURI()) || isAdminPath(dispatchedPath(request))
                ? Optional.of(ADMIN).filter(admin -> adminKey.matches(key))
                : apiKeys.resolve(key);
        if (principal.isEmpty()) {
            errors.write(request, response, ApiError.unauthorized("the x-api-key is not valid here"));
            return;
        }
        request.setAttribute(RequestContext.ATTRIBUTE, RequestContext.of(request).withPrincipal(principal.get()));
        chain.doFilter(request, response);
    }

    /**
     * Spring matches the raw path segment by segment, decoded and without ;params ("/ledger/v1/%61pi-keys"
     * is the API-key endpoint), while the container normalises dot segments: a path is judged both ways.
     */
    private static String dispatchedPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/actuator/") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")
                || path.equals("/error");
    }

    private static boolean isAdminPath(String path) {
        return path.startsWith("/ledger/v1/api-keys") || path.startsWith("/ledger/v1/agents")
                || path.startsWith("/ledger/v1/apps");
    }
}
