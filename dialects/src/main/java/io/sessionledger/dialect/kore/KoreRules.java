package io.sessionledger.dialect.kore;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.Inputs;
import org.springframework.http.HttpStatus;

/**
 * What both services check before any Kore request touches a session, in this order: the path names a
 * well-formed app and environment (400), the key may use that app (403). The {@code sessions} scope was checked
 * before (the service kit's API-key filter, for every dialect). Whether the app environment is registered is each
 * service's own lookup; {@link #appNotFound} is its answer.
 */
public final class KoreRules {

    /** The API name every event written through this dialect carries in its metadata. */
    public static final String DIALECT = "kore";
    public static final int MAX_APP_ID = 128;
    public static final int MAX_ENVIRONMENT = 64;

    private KoreRules() {
    }

    public static void requireAccess(Principal principal, String appId, String environment) {
        name("appId", appId, MAX_APP_ID);
        name("envName", environment, MAX_ENVIRONMENT);
        if (!principal.mayUseApp(appId)) {
            throw new ApiException(ApiError.forbidden("the API key may not use app '" + appId + "'"));
        }
    }

    public static ApiException appNotFound(String appId, String environment) {
        return new ApiException(new ApiError(HttpStatus.NOT_FOUND, "app_not_found",
                "no app '" + appId + "' with environment '" + environment + "' is registered"));
    }

    public static ApiException sessionNotFound() {
        return new ApiException(new ApiError(HttpStatus.NOT_FOUND, "session_not_found", "session not found"));
    }

    /** The registry's shape of app ids and environment names; "." and ".." never survive a proxy. */
    private static void name(String field, String value, int maxLength) {
        Inputs.token(field, value, maxLength, ".");
        if (value.equals(".") || value.equals("..")) {
            throw Inputs.bad(field, "'" + field + "' must not be a dot segment");
        }
    }
}
