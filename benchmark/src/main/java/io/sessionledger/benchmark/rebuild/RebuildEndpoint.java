package io.sessionledger.benchmark.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The system's own rebuild (SPEC 4.4): start it, poll its progress until it is no longer running.
 * Empty when the endpoint does not exist yet, so the caller can say so and measure something honest instead.
 */
public final class RebuildEndpoint {

    private static final String PATH = "/ledger/v1/projections/session-info";
    private static final Set<String> FINISHED = Set.of("done", "failed", "never-run");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildEndpoint() {
    }

    public static Optional<RebuildRate> measure(HttpClient client, URI baseUrl, String adminKey, Duration limit)
            throws Exception {
        HttpResponse<String> started = client.send(admin(baseUrl.resolve(PATH + "/rebuild"), adminKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() == 404 || started.statusCode() == 405 || started.statusCode() == 501) {
            return Optional.empty();
        }
        if (started.statusCode() >= 300) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        long begin = System.nanoTime();
        JsonNode progress = JSON.createObjectNode();
        while (System.nanoTime() - begin < limit.toNanos()) {
            Thread.sleep(250);
            progress = JSON.readTree(client.send(admin(baseUrl.resolve(PATH), adminKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (FINISHED.contains(state(progress))) {
                break;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long events = progress.path("eventsApplied").asLong();
        String note = String.format("state %s, %d of %d events (rate as reported by the system; the topic holds "
                        + "only this run's events)", state(progress), events, progress.path("eventsToApply").asLong());
        return Optional.of(new RebuildRate("rebuild-endpoint", events, seconds,
                progress.path("eventsPerSecond").asDouble(events / seconds), note));
    }

    private static String state(JsonNode progress) {
        return progress.path("state").asText(progress.path("status").asText("?")).toLowerCase();
    }

    private static HttpRequest.Builder admin(URI uri, String adminKey) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("x-api-key", adminKey);
    }
}
