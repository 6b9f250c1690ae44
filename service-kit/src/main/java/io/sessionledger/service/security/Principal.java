package io.sessionledger.service.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** In the order every answer lists them; a key issued without scopes has all three. */
    public static final List<String> ALL_SCOPES = List.of(SESSIONS, AUDIT, ERASE);

    /** The operator, authenticated by the admin key: no tenant of its own. */
    public static final Principal ADMIN = new Principal("admin", "_admin", "admin");

    public Principal {
        scopes = Collections.unmodifiableSet(ordered(scopes == null ? Set.copyOf(ALL_SCOPES) : scopes));
        agents = agents == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(agents));
        apps = apps == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(apps));
    }

    /** A key with every scope and no limits. */
    public Principal(String keyId, String tenantId, String name) {
        this(keyId, tenantId, name, null, null, null, null);
    }

    public static boolean isScope(String value) {
        return ALL_SCOPES.contains(value);
    }

    public boolean isAdmin() {
        return equals(ADMIN);
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

    /** The given scopes in the canonical order, so that answers do not depend on how a request listed them. */
    private static Set<String> ordered(Set<String> scopes) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String scope : ALL_SCOPES) {
            if (scopes.contains(scope)) {
                ordered.add(scope);
            }
        }
        return ordered;
    }
}
