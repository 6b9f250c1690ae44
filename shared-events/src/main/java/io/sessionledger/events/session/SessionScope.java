package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a session lives inside its tenant: a Kore app and environment, or a Vectara agent. All null for
 * a Genesys session, whose scope is the tenant alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionScope(String appId, String environment, String agentKey) {

    public static final SessionScope TENANT = new SessionScope(null, null, null);
}
