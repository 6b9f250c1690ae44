package io.sessionledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.config.LedgerProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.PrincipalResolver.Unavailable;
import org.springframework.stereotype.Component;

/** Asks the command side, which owns the API keys, whom a key belongs to. */
@Component
public class PrincipalLookup {

    private final HttpClient http;
    private final URI endpoint;
    private final ApiKeyProperties settings;
    private final ObjectMapper json;

    public PrincipalLookup(LedgerProperties ledger, ApiKeyProperties settings, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.lookupTimeout()).build();
        this.endpoint = ledger.commandUrl().resolve("/internal/v1/principal");
        this.settings = settings;
        this.json = json;
    }

    /** @return the principal, or empty when the command side says the key is not valid */
    public Optional<Principal> lookup(String apiKey) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.lookupTimeout())
                .header("x-api-key", apiKey).header("accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
            Principal principal = json.readValue(response.body(), Principal.class);
            if (principal.tenantId() == null) {
                throw new Unavailable("principal without tenant", null);
            }
            return Optional.of(principal);
        } catch (IOException e) {
            throw new Unavailable("unreadable principal", e);
        }
    }
}
