package io.sessionledger.deploy.edge.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One service's own OpenAPI document, as springdoc serves it at {@code /v3/api-docs}. */
final class OpenApiSource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    OpenApiSource(String name, String baseUrl) {
        this.name = name;
        this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/v3/api-docs");
    }

    String name() {
        return name;
    }

    /** The document, or null when the service did not answer with one (blocking: call off the IO thread). */
    JsonNode fetch() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode doc = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            if (doc != null && doc.isObject() && doc.path("openapi").isTextual()) {
                return doc;
            }
            LOG.warn("The {}'s API description at {} answered {} without an OpenAPI document", name, uri,
                    response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("The {}'s API description at {} could not be loaded: {}", name, uri, e.toString());
        }
        return null;
    }
}
