package io.sessionledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every OpenAPI document of the ledger promises: an example for every request body and every error. */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    private OpenApiChecks() {
    }

    /** Fails with the list of operations whose request body or error responses have no example. */
    public static void assertEveryRequestAndErrorHasAnExample(JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode body = op.getValue().path("requestBody");
                if (!body.isMissingNode() && !hasExample(body.path("content"))) {
                    missing.add(name + " request body");
                }
                JsonNode responses = op.getValue().path("responses");
                boolean anError = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        anError = true;
                        if (!hasExample(response.getValue().path("content"))) {
                            missing.add(name + " " + response.getKey());
                        }
                    }
                }
                if (!anError) {
                    missing.add(name + " describes no error at all");
                }
            }
        }
        assertThat(missing).as("operations without examples").isEmpty();
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("example") || media.path("examples").size() > 0) {
                return true;
            }
        }
        return false;
    }
}
