package io.sessionledger.dialect.genesys;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.Inputs;
import io.sessionledger.dialect.SessionView;

/**
 * What both Genesys versions share on both services: v1 (8.5) is scoped by the key's tenant alone and answers
 * the bare SessionInfo; v2 also names the tenant in a required {@code tenantId} parameter, which must be the
 * key's, and wraps the answer in {@code response}.
 */
public record GenesysVersion(String version) {

    /** Longest agent id, customer id or visit id accepted. */
    public static final int MAX_ID = 256;

    public static GenesysVersion of(String version, String tenantIdParameter, String keysTenant) {
        if ("v2".equals(version)) {
            if (tenantIdParameter == null || tenantIdParameter.isBlank()) {
                throw new ApiException(ApiError.badRequest("the tenantId query parameter is required"));
            }
            if (!tenantIdParameter.equals(keysTenant)) {
                throw new ApiException(ApiError.forbidden("the API key does not belong to tenant '"
                        + Inputs.text("tenantId", tenantIdParameter, 64) + "'"));
            }
        }
        return new GenesysVersion(version);
    }

    /** The name every event written through this version carries in its metadata. */
    public String dialect() {
        return "genesys-" + version;
    }

    public Object body(SessionView session) {
        GenesysSessionInfo info = GenesysSessionInfo.of(session);
        return "v2".equals(version) ? new GenesysSessionInfo.Wrapped(info) : info;
    }
}
