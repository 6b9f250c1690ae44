package io.sessionledger.command.api.kore;

import io.sessionledger.command.registry.Registry;
import io.sessionledger.dialect.kore.KoreRules;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.web.RequestContext;
import org.springframework.stereotype.Component;

/** Opens a Kore request: the key may use this app (KoreRules), and the app environment is registered for its tenant. */
@Component
class KoreAccess {

    private final Registry registry;

    KoreAccess(Registry registry) {
        this.registry = registry;
    }

    /** The scope every session of this app environment has, once the caller may work in it. */
    SessionScope open(RequestContext context, String appId, String environment) {
        KoreRules.requireAccess(context.principal(), appId, environment);
        if (!registry.hasAppEnvironment(context.tenantId(), appId, environment)) {
            throw KoreRules.appNotFound(appId, environment);
        }
        return new SessionScope(appId, environment, null);
    }
}
