package io.sessionledger.benchmark.scenario;

import io.sessionledger.benchmark.load.Phases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system under test as a scenario sees it: one base URL, one tenant key, the shared HTTP client, and the
 * admin key for registering the agents and app environments that Kore and Vectara paths need (null when the
 * run was given none). {@link #tag()} makes ids unique across runs and phases (visit ids are unique per tenant).
 */
public final class Target {

    private final URI baseUrl;
    private final String apiKey;
    private final String adminKey;
    private final String tenantId;
    private final HttpClient client;
    private final String runId;
    private final AtomicInteger tags = new AtomicInteger();

    public Target(URI baseUrl, String apiKey, String adminKey, String tenantId, HttpClient client, String runId) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
        this.tenantId = tenantId;
        this.client = client;
        this.runId = runId;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Phases.REQUEST_TIMEOUT).header("x-api-key", apiKey);
    }

    /** An admin request with a JSON body (registrations); setup only, never measured. */
    HttpRequest.Builder admin(String method, String path, String body) {
        if (adminKey == null) {
            throw new IllegalStateException("registering agents and app environments needs --admin-key");
        }
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Phases.REQUEST_TIMEOUT)
                .header("x-api-key", adminKey).header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
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
