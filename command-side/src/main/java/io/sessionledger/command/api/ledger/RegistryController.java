package io.sessionledger.command.api.ledger;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.command.registry.Agent;
import io.sessionledger.command.registry.AppEnvironment;
import io.sessionledger.command.registry.Registered;
import io.sessionledger.command.registry.Registry;
import io.sessionledger.command.registry.RegistryNames;
import io.sessionledger.events.SessionRef;
import java.time.Instant;
import java.util.Set;
import io.sessionledger.dialect.ledger.LedgerExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: register a tenant's agents and app environments (admin key only; see ApiKeyFilter). */
@RestController
@Tag(name = "Ledger admin: registry", description = "agents (Vectara dialect) and app environments (Kore dialect); admin key only")
public class RegistryController {

    public record AgentView(String agentKey, String tenantId, String name, Instant createdAt) {
        static AgentView of(Agent agent) {
            return new AgentView(agent.agentKey(), agent.tenantId(), agent.name(), agent.createdAt());
        }
    }

    public record AppEnvironmentView(String appId, String environment, String tenantId, Instant createdAt) {
        static AppEnvironmentView of(AppEnvironment entry) {
            return new AppEnvironmentView(entry.appId(), entry.environment(), entry.tenantId(), entry.createdAt());
        }
    }

    private final Registry registry;

    public RegistryController(Registry registry) {
        this.registry = registry;
    }

    /** 201 when the agent is new for that tenant, 200 when it existed (its name is then replaced). */
    @PutMapping("/ledger/v1/agents/{agentKey}")
    @Operation(summary = "Register an agent for a tenant", requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.PUT_AGENT))))
    @ApiResponse(responseCode = "201", description = "registered", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.AGENT)))
    @ApiResponse(responseCode = "200", description = "it existed; name updated", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.AGENT)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.INVALID)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public ResponseEntity<AgentView> putAgent(@PathVariable String agentKey, JsonBody body) {
        requireAgentKey(agentKey);
        body.allowOnly(Set.of("tenantId", "name"));
        String tenantId = requireTenant(body.text("tenantId", 63));
        String name = body.text("name", 200);
        if (name == null) {
            throw new ApiException(ApiError.badRequest("name is required: 1-200 characters"));
        }
        Registered<Agent> registered = registry.registerAgent(tenantId, agentKey, name);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AgentView.of(registered.entry()));
    }

    @GetMapping("/ledger/v1/agents/{agentKey}")
    @Operation(summary = "A registered agent")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.AGENT)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.INVALID)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.NOT_REGISTERED)))
    public AgentView getAgent(@PathVariable String agentKey, @RequestParam String tenantId) {
        requireAgentKey(agentKey);
        return registry.agent(requireTenant(tenantId), agentKey).map(AgentView::of)
                .orElseThrow(() -> new ApiException(ApiError.notFound("no agent with that key for that tenant")));
    }

    /** 201 when the environment is new for that tenant, 200 when it existed. */
    @PutMapping("/ledger/v1/apps/{appId}/environments/{envName}")
    @Operation(summary = "Register an app environment for a tenant", requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.PUT_APP))))
    @ApiResponse(responseCode = "201", description = "registered", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.APP)))
    @ApiResponse(responseCode = "200", description = "it existed", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.APP)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.INVALID)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public ResponseEntity<AppEnvironmentView> putAppEnvironment(@PathVariable String appId,
                                                                @PathVariable String envName, JsonBody body) {
        requireAppEnvironment(appId, envName);
        body.allowOnly(Set.of("tenantId"));
        String tenantId = requireTenant(body.text("tenantId", 63));
        Registered<AppEnvironment> registered = registry.registerAppEnvironment(tenantId, appId, envName);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AppEnvironmentView.of(registered.entry()));
    }

    @GetMapping("/ledger/v1/apps/{appId}/environments/{envName}")
    @Operation(summary = "A registered app environment")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.APP)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.INVALID)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.NOT_REGISTERED)))
    public AppEnvironmentView getAppEnvironment(@PathVariable String appId, @PathVariable String envName,
                                                @RequestParam String tenantId) {
        requireAppEnvironment(appId, envName);
        return registry.appEnvironment(requireTenant(tenantId), appId, envName).map(AppEnvironmentView::of)
                .orElseThrow(() -> new ApiException(ApiError.notFound(
                        "no such app environment for that tenant")));
    }

    private static void requireAgentKey(String agentKey) {
        if (!RegistryNames.isAgentKey(agentKey)) {
            throw new ApiException(ApiError.badRequest("agentKey must be 1-64 characters of letters, digits, _ and -"));
        }
    }

    private static void requireAppEnvironment(String appId, String envName) {
        if (!RegistryNames.isAppId(appId)) {
            throw new ApiException(ApiError.badRequest("appId must be 1-128 characters of letters, digits, . _ and -"));
        }
        if (!RegistryNames.isEnvironment(envName)) {
            throw new ApiException(ApiError.badRequest(
                    "envName must be 1-64 characters of letters, digits, . _ and -"));
        }
    }

    private static String requireTenant(String tenantId) {
        if (!SessionRef.isTenantId(tenantId)) {
            throw new ApiException(ApiError.badRequest(
                    "tenantId is required: 1-63 characters of lower-case letters, digits and . _ -"));
        }
        return tenantId;
    }
}
