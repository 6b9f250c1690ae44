package io.sessionledger.command.api.internal;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.RequestContext;
import io.sessionledger.command.registry.RegistryNames;
import io.sessionledger.command.registry.Registry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry as the query side sees it: always within the tenant of the client's own key. Whether that
 * key may use the entry is the caller's decision (it answers 403 there, not 404), so no key limit applies.
 */
@RestController
public class RegistryLookupController {

    public record AgentEntry(String agentKey, String tenantId, String name) {
    }

    public record AppEnvironmentEntry(String appId, String environment, String tenantId) {
    }

    private final Registry registry;

    public RegistryLookupController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/internal/v1/registry/agents/{agentKey}")
    public AgentEntry agent(@PathVariable String agentKey, HttpServletRequest request) {
        if (!RegistryNames.isAgentKey(agentKey)) {
            throw new ApiException(ApiError.badRequest("invalid agentKey"));
        }
        return registry.agent(RequestContext.of(request).tenantId(), agentKey)
                .map(agent -> new AgentEntry(agent.agentKey(), agent.tenantId(), agent.name()))
                .orElseThrow(() -> new ApiException(ApiError.notFound("no such agent for this tenant")));
    }

    @GetMapping("/internal/v1/registry/apps/{appId}/environments/{envName}")
    public AppEnvironmentEntry appEnvironment(@PathVariable String appId, @PathVariable String envName,
                                              HttpServletRequest request) {
        if (!RegistryNames.isAppId(appId) || !RegistryNames.isEnvironment(envName)) {
            throw new ApiException(ApiError.badRequest("invalid appId or envName"));
        }
        return registry.appEnvironment(RequestContext.of(request).tenantId(), appId, envName)
                .map(entry -> new AppEnvironmentEntry(entry.appId(), entry.environment(), entry.tenantId()))
                .orElseThrow(() -> new ApiException(ApiError.notFound("no such app environment for this tenant")));
    }
}
