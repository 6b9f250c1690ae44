package io.sessionledger.command.api.web;

import io.sessionledger.command.security.Principal;
import io.sessionledger.events.LedgerMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/** Who asks, in which request: becomes the metadata of every command and event the request causes. */
public record RequestContext(String requestId, String correlationId, Principal principal) {

    static final String ATTRIBUTE = RequestContext.class.getName();

    public static RequestContext of(HttpServletRequest request) {
        return (RequestContext) request.getAttribute(ATTRIBUTE);
    }

    public static String requestIdOf(HttpServletRequest request) {
        RequestContext context = of(request);
        return context == null ? null : context.requestId();
    }

    RequestContext withPrincipal(Principal authenticated) {
        return new RequestContext(requestId, correlationId, authenticated);
    }

    public String tenantId() {
        return principal.tenantId();
    }

    public Map<String, Object> metadata(String dialect) {
        Map<String, Object> metadata = new HashMap<>(8);
        metadata.put(LedgerMetadata.TENANT_ID, principal.tenantId());
        metadata.put(LedgerMetadata.API_KEY_ID, principal.keyId());
        metadata.put(LedgerMetadata.DIALECT, dialect);
        metadata.put(LedgerMetadata.REQUEST_ID, requestId);
        metadata.put(LedgerMetadata.CORRELATION_ID, correlationId);
        return metadata;
    }
}
