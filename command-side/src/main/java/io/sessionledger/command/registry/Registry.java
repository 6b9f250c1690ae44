package io.sessionledger.command.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which agents and app environments each tenant registered. Registrations are never removed, so a found
 * entry is remembered without expiry (bounded); a miss is never remembered, so a registration counts on
 * the very next request. An agent's name may change with a later PUT: this instance remembers the new one.
 */
@Component
public class Registry {

    private static final int CACHE_LIMIT = 10_000;

    private final RegistryStore store;
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();
    private final Map<String, AppEnvironment> appEnvironments = new ConcurrentHashMap<>();

    Registry(RegistryStore store) {
        this.store = store;
    }

    public Registered<Agent> registerAgent(String tenantId, String agentKey, String name) {
        Registered<Agent> registered = store.putAgent(tenantId, agentKey, name);
        remember(agents, agentId(tenantId, agentKey), registered.entry());
        return registered;
    }

    public Registered<AppEnvironment> registerAppEnvironment(String tenantId, String appId, String environment) {
        Registered<AppEnvironment> registered = store.putAppEnvironment(tenantId, appId, environment);
        remember(appEnvironments, appEnvironmentId(tenantId, appId, environment), registered.entry());
        return registered;
    }

    public Optional<Agent> agent(String tenantId, String agentKey) {
        String id = agentId(tenantId, agentKey);
        Agent cached = agents.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Agent> found = store.agent(tenantId, agentKey);
        found.ifPresent(agent -> remember(agents, id, agent));
        return found;
    }

    public Optional<AppEnvironment> appEnvironment(String tenantId, String appId, String environment) {
        String id = appEnvironmentId(tenantId, appId, environment);
        AppEnvironment cached = appEnvironments.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AppEnvironment> found = store.appEnvironment(tenantId, appId, environment);
        found.ifPresent(entry -> remember(appEnvironments, id, entry));
        return found;
    }

    public boolean hasAppEnvironment(String tenantId, String appId, String environment) {
        return appEnvironment(tenantId, appId, environment).isPresent();
    }

    /** Full: start over rather than track recency; a miss costs one indexed read. */
    private static <T> void remember(Map<String, T> cache, String id, T entry) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(id, entry);
    }

    // '/' occurs in none of the parts (see RegistryNames and SessionRef.isTenantId), so ids cannot collide.
    private static String agentId(String tenantId, String agentKey) {
        return tenantId + '/' + agentKey;
    }

    private static String appEnvironmentId(String tenantId, String appId, String environment) {
        return tenantId + '/' + appId + '/' + environment;
    }
}
