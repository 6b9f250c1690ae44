package io.sessionledger.benchmark.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Issues the tenant key the scenarios use, with the admin key (SPEC 4.4). The edge enforces a request quota
 * per key (1,000/s unless the key says otherwise): the benchmark's key carries the highest the API allows, so
 * the figures are the system's, not the quota's.
 */
public final class ApiKeyIssuer {

    static final int REQUESTS_PER_SECOND = 100_000;

    private ApiKeyIssuer() {
    }

    public static String issue(HttpClient client, URI baseUrl, String adminKey, String tenantId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/ledger/v1/api-keys"))
                .timeout(Duration.ofSeconds(30))
                .header("x-api-key", adminKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenantId\":\"" + tenantId + "\",\"name\":\"benchmark\",\"rateLimit\":"
                                + "{\"requestsPerSecond\":" + REQUESTS_PER_SECOND + "}}"))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issuing the API key failed: " + response.statusCode() + " "
                    + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("key").asText();
    }
}
