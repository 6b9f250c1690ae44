package io.sessionledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.commandside.CommandSideInstances;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.PrincipalResolver.Unavailable;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Asks the command side, which owns the API keys, whom a key belongs to and what it may do. */
@Component
public class PrincipalLookup {

    /** The answer of {@code GET /internal/v1/principal}; absent scopes mean all of them. */
    record Answer(String keyId, String tenantId, String name, List<String> scopes, List<String> agents,
                  List<String> apps, RateLimit rateLimit) {

        Principal principal() {
            return new Principal(keyId, tenantId, name, setOrNull(scopes), setOrNull(agents), setOrNull(apps),
                    rateLimit == null ? null : rateLimit.requestsPerSecond());
        }

        private static Set<String> setOrNull(List<String> values) {
            return values == null ? null : new LinkedHashSet<>(values);
        }
    }

    record RateLimit(Integer requestsPerSecond) {
    }


    private final HttpClient http;
    private final CommandSideInstances commandSide;
    private final ApiKeyProperties settings;
    private final ObjectMapper json;

    public PrincipalLookup(CommandSideInstances commandSide, ApiKeyProperties settings, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.lookupTimeout()).build();
        this.commandSide = commandSide;
        this.settings = settings;
        this.json = json;
    }

    /** @return the principal, or empty when the command side says the key is not valid */
    public Optional<Principal> lookup(String apiKey) throws Unavailable {
        HttpResponse<byte[]> response;
        try {
            response = commandSide.send(http, "/internal/v1/principal",
                    uri -> HttpRequest.newBuilder(uri).timeout(settings.lookupTimeout())
                            .header("x-api-key", apiKey).header("accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray(), CommandSideInstances.Resend.IDEMPOTENT);
        } catch (IOException e) {
            throw new Unavailable("command side unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new Unavailable("command side answered " + status, null);
        }
        try {
            Answer answer = json.readValue(response.body(), Answer.class);
            if (answer.keyId() == null || answer.tenantId() == null) {
                throw new Unavailable("principal without key id or tenant", null);
            }
            return Optional.of(answer.principal());
        } catch (IOException e) {
            throw new Unavailable("unreadable principal", e);
        }
    }
}
