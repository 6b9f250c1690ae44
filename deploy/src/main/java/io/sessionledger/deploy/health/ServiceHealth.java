package io.sessionledger.deploy.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot service whether its {@code /actuator/health} says UP. */
public final class ServiceHealth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI healthUri;

    public ServiceHealth(String baseUrl) {
        this.healthUri = URI.create(stripSlash(baseUrl) + "/actuator/health");
    }

    /** The reported status ("UP", "DOWN", ...), or "UNREACHABLE" when the service did not answer. */
    public String status(Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(timeout).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode status = JSON.readTree(response.body()).path("status");
            return status.isTextual() ? status.asText() : "HTTP_" + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }

    public boolean isUp(Duration timeout) {
        return "UP".equals(status(timeout));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
