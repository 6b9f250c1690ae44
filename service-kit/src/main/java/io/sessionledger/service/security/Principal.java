package io.sessionledger.service.security;

import java.util.Set;

/**
 * Who calls: an API key of one tenant, what it may do ({@code scopes}), where (null {@code agents} or
 * {@code apps} means any), and how often ({@code requestsPerSecond}, null for the configured default).
 */
public record Principal(
        String keyId,
        String tenantId,
        String name,
        Set<String> scopes,
        Set<String> agents,
        Set<String> apps,
        Integer requestsPerSecond) {

    public static final String SESSIONS = "sessions";
    public static final String AUDIT = "audit";
    public static final String ERASE = "erase";
    public static final Set<String> ALL_SCOPES = Set.of(SESSIONS, AUDIT, ERASE);

    /** The operator, authenticated by the admin key: no tenant of its own. */
    public static final Principal ADMIN = new Principal("admin", "_admin", "admin", ALL_SCOPES, null, null, null);

    public Principal {
        scopes = scopes == null ? ALL_SCOPES : Set.copyOf(scopes);
        agents = agents == null ? null : Set.copyOf(agents);
        apps = apps == null ? null : Set.copyOf(apps);
    }

    /** A key of a tenant with every scope and no limits. */
    public static Principal unrestricted(String keyId, String tenantId, String name) {
        return new Principal(keyId, tenantId, name, ALL_SCOPES, null, null, null);
    }

    public boolean isAdmin() {
        return this == ADMIN || "admin".equals(keyId) && "_admin".equals(tenantId);
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
