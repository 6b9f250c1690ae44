package io.sessionledger.service.security;

import io.sessionledger.service.ServiceProperties;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ErrorFormats;
import io.sessionledger.service.errors.ErrorWriter;
import io.sessionledger.service.errors.LedgerErrors;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request needs {@code x-api-key}, except health, info, metrics scraping and the API docs. Admin paths
 * take the admin key; every other path a tenant's key, whose tenant the request is then bound to, and the
 * dialects' session APIs a key with the {@code sessions} scope. Refusals are written in the path's dialect.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "x-api-key";
    private static final int MAX_KEY = 512;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final PrincipalResolver principals;
    private final AdminKey adminKey;
    private final ErrorWriter errors;
    private final ErrorFormats dialects;
    private final List<String> adminPaths;
    private final List<String> sharedPaths;

    public ApiKeyFilter(PrincipalResolver principals, AdminKey adminKey, ErrorWriter errors, ErrorFormats dialects,
                        ServiceProperties properties) {
        this.principals = principals;
        this.adminKey = adminKey;
        this.errors = errors;
        this.dialects = dialects;
        this.adminPaths = List.copyOf(properties.adminPaths());
        this.sharedPaths = properties.sharedPaths() == null ? List.of() : List.copyOf(properties.sharedPaths());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded, normalised path the container dispatches on, never the raw URI ("/actuator/health/../x").
        String path = dispatchPath(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info") || path.equals("/actuator/prometheus")
                || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/")
                || path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            errors.write(request, response, ApiError.unauthorized("a valid x-api-key header is required"));
            return;
        }
        Optional<Principal> principal;
        // Judged on the decoded path the container dispatches on (so "/ledger/v1/%61pi-keys" is an admin path)
        // and on the raw one, whichever says admin. Built once: this runs on every request (issue 11).
        String path = dispatchPath(request);
        String rawPath = request.getRequestURI();
        if (isUnder(adminPaths, path) || isUnder(adminPaths, rawPath)) {
            principal = adminKey.matches(key) ? Optional.of(Principal.ADMIN) : Optional.empty();
        } else if (isUnder(sharedPaths, path) && adminKey.matches(key)) {
            principal = Optional.of(Principal.ADMIN);
        } else {
            try {
                principal = principals.resolve(key);
            } catch (PrincipalResolver.Unavailable e) {
                log.warn("cannot verify API key: {}", e.getMessage());
                errors.write(request, response, ApiError.unavailable("API keys cannot be verified right now"));
                return;
            }
        }
        if (principal.isEmpty()) {
            errors.write(request, response, ApiError.unauthorized("the x-api-key is not valid here"));
            return;
        }
        if (isDialectPath(path, rawPath) && !principal.get().hasScope(Principal.SESSIONS)) {
            errors.write(request, response, ApiError.forbidden("this API key lacks the 'sessions' scope"));
            return;
        }
        RequestContext.authenticate(request, principal.get());
        chain.doFilter(request, response);
    }

    private static boolean isUnder(List<String> prefixes, String path) {
        for (String prefix : prefixes) {
            // No prefix + "/" built per prefix and request.
            if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** The session APIs of the dialects need the {@code sessions} scope; the ledger API checks its own scopes. */
    private boolean isDialectPath(String path, String rawPath) {
        return dialects.forPath(path) != LedgerErrors.INSTANCE
                || (!rawPath.equals(path) && dialects.forPath(rawPath) != LedgerErrors.INSTANCE);
    }

    private static String dispatchPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
