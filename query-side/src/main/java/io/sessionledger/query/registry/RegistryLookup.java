package io.sessionledger.query.registry;

import io.sessionledger.query.commandside.CommandSideInstances;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether an agent or an app environment is registered for the caller's tenant. The command side owns the
 * registry; the query side asks it (with the caller's own key, so the tenant is the key's) and remembers yes
 * for good, since registrations are never removed. No is never remembered: a registration made a moment ago
 * works on the very next read.
 */
@Component
public class RegistryLookup {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 100_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final CommandSideInstances commandSide;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    public RegistryLookup(CommandSideInstances commandSide) {
        this.commandSide = commandSide;
    }

    public boolean hasAgent(String tenantId, String agentKey, String apiKey) {
        return registered(tenantId + "/agent/" + agentKey,
                "/internal/v1/registry/agents/" + encode(agentKey), apiKey);
    }

    public boolean hasAppEnvironment(String tenantId, String appId, String environment, String apiKey) {
        return registered(tenantId + "/app/" + appId + "/" + environment,
                "/internal/v1/registry/apps/" + encode(appId) + "/environments/" + encode(environment), apiKey);
    }

    private boolean registered(String entry, String path, String apiKey) {
        if (registered.containsKey(entry)) {
            return true;
        }
        int status;
        try {
            status = commandSide.send(http, path, uri -> HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                            .header("x-api-key", apiKey).header("accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding(), CommandSideInstances.Resend.IDEMPOTENT).statusCode();
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (status == 200) {
            if (registered.size() < MAX_REMEMBERED) {
                registered.put(entry, Boolean.TRUE);
            }
            return true;
        }
        if (status == 404) {
            return false;
        }
        throw unavailable();
    }

    private static ApiException unavailable() {
        return new ApiException(ApiError.unavailable("the registry cannot be reached right now; try again"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
