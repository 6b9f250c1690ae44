package io.sessionledger.deploy.edge.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionledger.deploy.edge.Upstreams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the command side who an API key is ({@code GET /internal/v1/principal}, docs/architecture.md): each
 * instance in turn until one answers, so a dead instance costs a lookup no more than a refused connection.
 */
final class PrincipalLookup {

    /** The key's id and its own rate, when it has one. */
    record Principal(String keyId, Long requestsPerSecond) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Upstreams commandSide;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    PrincipalLookup(Upstreams commandSide) {
        this.commandSide = commandSide;
    }

    /**
     * Blocking: call off the IO thread.
     *
     * @return empty when the command side does not accept the key (401/403)
     * @throws IOException when no instance gave a usable answer (down, timed out, another status)
     */
    Optional<Principal> lookup(String apiKey) throws IOException, InterruptedException {
        IOException last = null;
        for (URI base : commandSide.inTurn()) {
            try {
                return lookup(URI.create(base + "/internal/v1/principal"), apiKey);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private Optional<Principal> lookup(URI uri, String apiKey) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("x-api-key", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("principal lookup answered " + response.statusCode());
        }
        JsonNode principal = JSON.readTree(response.body());
        JsonNode keyId = principal.path("keyId");
        if (!keyId.isTextual() || keyId.asText().isBlank()) {
            throw new IOException("principal lookup answered without a keyId");
        }
        JsonNode rate = principal.path("rateLimit").path("requestsPerSecond");
        return Optional.of(new Principal(keyId.asText(), rate.canConvertToLong() ? rate.asLong() : null));
    }
}
