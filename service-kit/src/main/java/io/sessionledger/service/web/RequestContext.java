package io.sessionledger.service.web;

import io.sessionledger.service.security.Principal;
import jakarta.servlet.http.HttpServletRequest;

/** Who asks, in which request: the request id, the correlation id and, once authenticated, the principal. */
public record RequestContext(String requestId, String correlationId, Principal principal) {

    static final String ATTRIBUTE = RequestContext.class.getName();

    public static RequestContext of(HttpServletRequest request) {
        return (RequestContext) request.getAttribute(ATTRIBUTE);
    }

    public static String requestIdOf(HttpServletRequest request) {
        RequestContext context = of(request);
        return context == null ? null : context.requestId();
    }

    /** The authenticated caller; only paths that passed the API-key check have one. */
    public static Principal principalOf(HttpServletRequest request) {
        RequestContext context = of(request);
        if (context == null || context.principal() == null) {
            throw new IllegalStateException("request passed no API key check");
        }
        return context.principal();
    }

    public static void authenticate(HttpServletRequest request, Principal principal) {
        request.setAttribute(ATTRIBUTE, of(request).withPrincipal(principal));
    }

    RequestContext withPrincipal(Principal authenticated) {
        return new RequestContext(requestId, correlationId, authenticated);
    }

    public String tenantId() {
        return principal.tenantId();
    }
}
