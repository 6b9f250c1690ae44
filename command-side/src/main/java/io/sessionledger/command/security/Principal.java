package io.sessionledger.command.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who calls: an API key of one tenant, with what it may do. {@code agents} / {@code apps} null means any
 * agent / app; {@code requestsPerSecond} null means the default quota.
 */
public record Principal(String keyId, String tenantId, String name, Set<String> scopes, Set<String> agents,
                        Set<String> apps, Integer requestsPerSecond) {

    public Principal {
        scopes = Collections.unmodifiableSet(Scopes.ordered(scopes == null ? Set.copyOf(Scopes.ALL) : scopes));
        agents = agents == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(agents));
        apps = apps == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(apps));
    }

    /** A key with every scope and no limits. */
    public Principal(String keyId, String tenantId, String name) {
        this(keyId, tenantId, name, null, null, null, null);
    }

    public Principal(String keyId, String tenantId, String name, KeyLimits limits) {
        this(keyId, tenantId, name, limits.scopes(), limits.agents(), limits.apps(), limits.requestsPerSecond());
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean mayUseAgent(String agentKey) {
        return agents == null || agents.contains(agentKey);
    }

    public boolean mayUseApp(String appId) {
        return apps == null || apps.contains(appId);
    }
}
