package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.ApiError;
import io.sessionledger.command.api.web.ApiException;
import io.sessionledger.command.api.web.Inputs;
import io.sessionledger.command.api.web.RequestContext;
import io.sessionledger.events.SessionRef;

/**
 * What both Genesys versions share: v1 is scoped by the key's tenant alone; v2 also names the tenant in a
 * required {@code tenantId} parameter, which must be the key's.
 */
record GenesysRequest(String version, RequestContext context) {

    static final int MAX_ID = 256;

    static GenesysRequest of(String version, String tenantId, RequestContext context) {
        if ("v2".equals(version)) {
            if (tenantId == null || tenantId.isBlank()) {
                throw new ApiException(ApiError.badRequest("the tenantId query parameter is required"));
            }
            if (!tenantId.equals(context.tenantId())) {
                throw new ApiException(ApiError.forbidden("the API key does not belong to tenant '"
                        + Inputs.text("tenantId", tenantId, 64) + "'"));
            }
        }
        return new GenesysRequest(version, context);
    }

    String dialect() {
        return "genesys-" + version;
    }

    SessionRef session(String sessionId) {
        if (!SessionRef.isSessionId(sessionId)) {
            throw new ApiException(ApiError.badRequest(
                    "sessionId must be 1-128 characters of letters, digits and . _ ~ @ -"));
        }
        return new SessionRef(context.tenantId(), sessionId);
    }

    Object wrap(GenesysSessionInfo info) {
        return "v2".equals(version) ? java.util.Map.of("response", info) : info;
    }
}
