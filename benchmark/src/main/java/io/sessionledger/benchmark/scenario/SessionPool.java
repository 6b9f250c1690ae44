package io.sessionledger.benchmark.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates the sessions a read or association scenario works on (setup, not measured). */
final class SessionPool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 16;
    /** Setup is not measured: a transient 503 is retried here, and counted when it happens under load. */
    private static final int RETRIES = 5;

    private SessionPool() {
    }

    static List<String> create(Target target, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        String tag = target.tag();
        while (ids.size() < count) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int i = 0; i < BATCH && ids.size() + batch.size() < count; i++) {
                batch.add(target.client().sendAsync(target.request("/gks-server/v1/sessions/new")
                        .header("gkc_customerId", "pool-" + tag + "-" + (ids.size() + i))
                        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> pending : batch) {
                HttpResponse<String> response = pending.get();
                for (int retry = 1; response.statusCode() == 503 && retry <= RETRIES; retry++) {
                    Thread.sleep(100L * retry);
                    response = target.client().send(response.request(), HttpResponse.BodyHandlers.ofString());
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("setup create failed: " + response.statusCode() + " "
                            + response.body());
                }
                ids.add(JSON.readTree(response.body()).path("sessionId").asText());
            }
        }
        return ids;
    }
}
