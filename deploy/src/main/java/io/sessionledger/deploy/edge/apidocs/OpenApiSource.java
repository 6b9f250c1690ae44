package io.sessionledger.deploy.edge.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.edge.Upstreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One service's own OpenAPI document, as springdoc serves it at {@code /v3/api-docs}: every instance serves
 * the same one, so they are asked in turn until one answers.
 */
final class OpenApiSource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * springdoc builds the document on a service's first request for it, which takes seconds on a loaded machine
     * (seen past 5 s on two shared cores): 5 s answered "no document" for a healthy service.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(12);

    private final String name;
    private final Upstreams instances;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    OpenApiSource(String name, Upstreams instances) {
        this.name = name;
        this.instances = instances;
    }

    String name() {
        return name;
    }

    /** The document, or null when no instance answered with one (blocking: call off the IO thread). */
    JsonNode fetch() {
        for (URI base : instances.inTurn()) {
            JsonNode doc = fetch(URI.create(base + "/v3/api-docs"));
            if (doc != null) {
                return doc;
            }
        }
        return null;
    }

    private JsonNode fetch(URI uri) {
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
