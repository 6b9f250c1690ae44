package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The ledger's audit endpoints the section times: checkpoint, whole-ledger verification, reconciliation. */
public final class AuditApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI baseUrl;
    private final String adminKey;

    public AuditApi(HttpClient client, URI baseUrl, String adminKey) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
    }

    HttpClient client() {
        return client;
    }

    /** The tree size of the latest signed checkpoint (the note's second line). */
    public long checkpointSize() throws IOException, InterruptedException {
        String note = get("/ledger/v1/log/checkpoint", adminKey);
        return Long.parseLong(note.split("\n", 3)[1].trim());
    }

    /** Waits until a signed checkpoint covers {@code treeSize} leaves; false when none did within the limit. */
    public boolean awaitCheckpoint(long treeSize, Duration limit) throws IOException, InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (checkpointSize() >= treeSize) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /**
     * Waits until the publisher has sent every stored event and the read model has applied every record (events
     * written straight into the store are published and projected like any others, and would share the CPU with
     * what is timed next). Returns the last report, or null when the endpoint is absent.
     */
    public JsonNode awaitQuiet(Duration limit) throws IOException, InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> response = send(request("/ledger/v1/reconciliation", adminKey).GET().build());
            if (response.statusCode() == 404) {
                return null;
            }
            report = JSON.readTree(response.body());
            long behind = report.path("store").path("publisher").path("eventsBehind").asLong(0);
            for (JsonNode partition : report.path("readModel").path("partitions")) {
                behind += partition.path("behind").asLong(0);
            }
            if (behind == 0) {
                return report;
            }
            Thread.sleep(2000);
        }
        return report;
    }

    /** Starts a whole-ledger verification and polls it until it is no longer running; the run's last view. */
    public JsonNode verifyLedger(Duration limit) throws IOException, InterruptedException {
        HttpResponse<String> started = send(request("/ledger/v1/verify", adminKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("verification refused: " + started.statusCode() + " " + started.body());
        }
        String location = started.headers().firstValue("location")
                .orElseThrow(() -> new IllegalStateException("verification started without a Location"));
        long until = System.nanoTime() + limit.toNanos();
        JsonNode run = JSON.readTree(started.body());
        while (System.nanoTime() < until && "running".equals(run.path("state").asText())) {
            Thread.sleep(100);
            run = JSON.readTree(get(location, adminKey));
        }
        return run;
    }

    String get(String path, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path, key).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(60)).header("x-api-key", key);
    }

    URI uri(String path) {
        return baseUrl.resolve(path);
    }

    String adminKey() {
        return adminKey;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
