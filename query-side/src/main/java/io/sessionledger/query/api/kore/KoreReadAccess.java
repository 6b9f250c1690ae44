package io.sessionledger.query.api.kore;

import io.sessionledger.dialect.kore.KoreRules;
import io.sessionledger.query.registry.RegistryLookup;
import io.sessionledger.service.security.ApiKeyFilter;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The same gate as the command side's: the key may use this app (KoreRules), and the app environment is
 * registered for its tenant, asked of the command side with the caller's own key.
 */
@Component
class KoreReadAccess {

    private final RegistryLookup registry;

    KoreReadAccess(RegistryLookup registry) {
        this.registry = registry;
    }

    RequestContext open(HttpServletRequest request, String appId, String environment) {
        RequestContext context = RequestContext.of(request);
        KoreRules.requireAccess(context.principal(), appId, environment);
        if (!registry.hasAppEnvironment(context.tenantId(), appId, environment,
                request.getHeader(ApiKeyFilter.HEADER))) {
            throw KoreRules.appNotFound(appId, environment);
        }
        return context;
    }
}
