package io.sessionledger.benchmark.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Issues the tenant key the scenarios use, with the admin key (SPEC 4.4). */
public final class ApiKeyIssuer {

    private ApiKeyIssuer() {
    }

    public static String issue(HttpClient client, URI baseUrl, String adminKey, String tenantId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/ledger/v1/api-keys"))
                .timeout(Duration.ofSeconds(30))
                .header("x-api-key", adminKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenantId\":\"" + tenantId + "\",\"name\":\"benchmark\"}"))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issuing the API key failed: " + response.statusCode() + " "
                    + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("key").asText();
    }
}
