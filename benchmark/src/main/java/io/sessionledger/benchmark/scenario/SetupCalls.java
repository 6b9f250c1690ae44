package io.sessionledger.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The calls a scenario's setup makes (pools of sessions to read, registrations), 16 at a time. Setup is not
 * measured: a transient 503 is retried here, and counted when it happens under load.
 */
final class SetupCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 16;
    private static final int RETRIES = 5;

    private SetupCalls() {
    }

    /** @return the answers' JSON bodies, in the order of {@code requests} */
    static List<JsonNode> send(Target target, List<HttpRequest> requests, Set<Integer> expected) throws Exception {
        List<JsonNode> bodies = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (HttpRequest request : requests.subList(from, Math.min(requests.size(), from + BATCH))) {
                batch.add(target.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> pending : batch) {
                HttpResponse<String> response = pending.get();
                for (int retry = 1; response.statusCode() == 503 && retry <= RETRIES; retry++) {
                    Thread.sleep(100L * retry);
                    response = target.client().send(response.request(), HttpResponse.BodyHandlers.ofString());
                }
                if (!expected.contains(response.statusCode())) {
                    throw new IllegalStateException("setup " + response.request().method() + " "
                            + response.request().uri().getPath() + " failed: " + response.statusCode() + " "
                            + response.body());
                }
                bodies.add(response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
            }
        }
        return bodies;
    }

    static JsonNode sendOne(Target target, HttpRequest request, Set<Integer> expected) throws Exception {
        return send(target, List.of(request), expected).get(0);
    }
}
