package io.sessionledger.benchmark.scenario;

import io.sessionledger.benchmark.load.Phases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system under test as a scenario sees it: one base URL, one tenant key, the shared HTTP client.
 * {@link #tag()} makes ids unique across runs and phases (visit ids are unique per tenant).
 */
public final class Target {

    private final URI baseUrl;
    private final String apiKey;
    private final String tenantId;
    private final HttpClient client;
    private final String runId;
    private final AtomicInteger tags = new AtomicInteger();

    public Target(URI baseUrl, String apiKey, String tenantId, HttpClient client, String runId) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.tenantId = tenantId;
        this.client = client;
        this.runId = runId;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Phases.REQUEST_TIMEOUT).header("x-api-key", apiKey);
    }

    /** A request with a JSON body; {@code method} is PUT, POST or PATCH. */
    public HttpRequest.Builder json(String method, String path, String body) {
        return request(path).header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    public String tag() {
        return runId + "-" + tags.incrementAndGet();
    }

    public HttpClient client() {
        return client;
    }

    public String tenantId() {
        return tenantId;
    }
}
