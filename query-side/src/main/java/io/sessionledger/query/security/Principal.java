package io.sessionledger.query.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling: the API key's id, the one tenant it belongs to, its name, and what it may do (as the
 * command side's {@code /internal/v1/principal} says). {@code agents} / {@code apps} null means any;
 * {@code requestsPerSecond} null means the default quota.
 */
public record Principal(String keyId, String tenantId, String name, Set<String> scopes, Set<String> agents,
                        Set<String> apps, Integer requestsPerSecond) {

    public static final String ATTRIBUTE = Principal.class.getName();
    public static final String SESSIONS = "sessions";
    public static final String AUDIT = "audit";
    public static final String ERASE = "erase";
    public static final Set<String> ALL_SCOPES = Set.of(SESSIONS, AUDIT, ERASE);

    public Principal {
        scopes = scopes == null ? ALL_SCOPES : Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        agents = agents == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(agents));
        apps = apps == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(apps));
    }

    /** A key with every scope and no limits. */
    public Principal(String keyId, String tenantId, String name) {
        this(keyId, tenantId, name, null, null, null, null);
    }

    public static Principal of(HttpServletRequest request) {
        Object principal = request.getAttribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("request passed no API key check");
        }
        return (Principal) principal;
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
