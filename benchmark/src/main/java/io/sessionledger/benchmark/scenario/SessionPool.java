package io.sessionledger.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creates the Genesys sessions a read or association scenario works on (setup, not measured). */
final class SessionPool {

    private SessionPool() {
    }

    static List<String> create(Target target, int count) throws Exception {
        String tag = target.tag();
        List<HttpRequest> creates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            creates.add(target.request("/gks-server/v1/sessions/new")
                    .header("gkc_customerId", "pool-" + tag + "-" + i)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
        }
        List<String> ids = new ArrayList<>(count);
        for (JsonNode session : SetupCalls.send(target, creates, Set.of(200))) {
            ids.add(session.path("sessionId").asText());
        }
        return ids;
    }
}
