package io.sessionledger.command.api.ledger.audit;

import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may read what on the audit API: a key with the {@code audit} scope (checked here, in the controllers,
 * since the API-key filter only knows the dialects' scope), a tenant's key its own sessions only, the admin key
 * any tenant's sessions, naming the tenant with {@code ?tenantId=}.
 */
final class AuditAccess {

    private AuditAccess() {
    }

    static Principal requireAudit(HttpServletRequest request) {
        return requireScope(request, Principal.AUDIT);
    }

    static Principal requireScope(HttpServletRequest request, String scope) {
        Principal principal = RequestContext.principalOf(request);
        if (!principal.hasScope(scope)) {
            throw new ApiException(ApiError.forbidden("this API key lacks the '" + scope + "' scope"));
        }
        return principal;
    }

    /** @return the aggregate id ({@code tenant:sessionId}) of the session the caller asks for */
    static String session(HttpServletRequest request, String sessionId, String tenantId) {
        Principal principal = requireAudit(request);
        if (!SessionRef.isSessionId(sessionId)) {
            throw new ApiException(ApiError.badField("sessionId", "sessionId is 1-128 characters of letters, digits "
                    + "and . _ ~ @ -, starting with a letter or digit"));
        }
        return new SessionRef(tenant(principal, tenantId), sessionId).aggregateId();
    }

    /** @return the tenant the caller asks for: its key's own, or the one the admin key names */
    static String tenant(HttpServletRequest request, String tenantId) {
        return tenant(requireAudit(request), tenantId);
    }

    static String tenant(Principal principal, String tenantId) {
        String tenant;
        if (principal.isAdmin()) {
            if (tenantId == null || tenantId.isBlank()) {
                throw new ApiException(ApiError.badField("tenantId", "the admin key names the tenant: ?tenantId="));
            }
            tenant = tenantId;
        } else {
            if (tenantId != null && !tenantId.equals(principal.tenantId())) {
                throw new ApiException(ApiError.forbidden("this API key belongs to another tenant"));
            }
            tenant = principal.tenantId();
        }
        if (!SessionRef.isTenantId(tenant)) {
            throw new ApiException(ApiError.badField("tenantId", "tenantId is 1-63 characters of lower-case letters, "
                    + "digits and . _ -"));
        }
        return tenant;
    }

    /** A required whole-number parameter within [min, max]. */
    static long number(String name, String value, long min, long max) {
        if (value == null) {
            throw new ApiException(ApiError.badField(name, name + " is required"));
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, as any value out of range
        }
        throw new ApiException(ApiError.badField(name, name + " is a whole number from " + min + " to " + max));
    }

    /** An optional whole-number parameter within [min, max], {@code absent} when not given. */
    static long optional(String name, String value, long min, long max, long absent) {
        return value == null ? absent : number(name, value, min, max);
    }
}
