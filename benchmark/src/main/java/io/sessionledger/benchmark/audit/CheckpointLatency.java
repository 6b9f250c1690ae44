package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.load.RequestFactory;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.Target;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * How long a write waits for a signed checkpoint that covers it: single Genesys creates, one at a time, each after
 * a random pause (so writes land anywhere in the checkpointer's cycle), timed from the 2xx to the first poll of
 * {@code GET /ledger/v1/log/checkpoint} (every {@value #POLL_MILLIS} ms) whose tree size exceeds the write's leaf
 * index (read from the session's history right after the 2xx).
 */
public final class CheckpointLatency {

    public record Measured(Latency latency, int writes, int missed) {
    }

    public static final int POLL_MILLIS = 5;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointLatency() {
    }

    public static Measured measure(AuditApi api, Target target, String tenantKey, int writes, Duration cycle)
            throws Exception {
        RequestFactory creates = GenesysScenarios.create().setup().prepare(target);
        Histogram micros = Latency.newMicrosHistogram();
        int missed = 0;
        for (int n = 0; n < writes; n++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, cycle.toMillis())));
            HttpResponse<String> created = api.client().send(creates.request(n), HttpResponse.BodyHandlers.ofString());
            long acked = System.nanoTime();
            if (created.statusCode() / 100 != 2) {
                throw new IllegalStateException("a create failed: " + created.statusCode() + " " + created.body());
            }
            long leaf = leafIndex(api, tenantKey, JSON.readTree(created.body()).path("sessionId").asText());
            long covered = -1;
            while (System.nanoTime() - acked < GIVE_UP.toNanos()) {
                if (api.checkpointSize() > leaf) {
                    covered = System.nanoTime();
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (covered < 0) {
                missed++;
            } else {
                micros.recordValue(Math.max(1, (covered - acked) / 1000));
            }
        }
        return new Measured(Latency.ofMicros(micros), writes, missed);
    }

    private static long leafIndex(AuditApi api, String tenantKey, String sessionId) throws Exception {
        JsonNode history = JSON.readTree(api.get("/ledger/v1/sessions/" + sessionId + "/events", tenantKey));
        JsonNode first = history.path("events").path(0);
        if (!first.has("leafIndex")) {
            throw new IllegalStateException("the history of " + sessionId + " names no leaf index: " + history);
        }
        return first.path("leafIndex").asLong();
    }
}
