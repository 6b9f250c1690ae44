package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.NoteKey;
import io.sessionledger.proofs.NoteVerifier;
import io.sessionledger.proofs.SignedNote;
import io.sessionledger.verifier.ExportVerifier;
import io.sessionledger.verifier.Verdict;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Exports through the API, checked by the offline verifier's code as it ships: a good export is valid, and each
 * doctored copy (altered data, a removed line, two lines swapped, a forged proof hash, a checkpoint signed by
 * another key) is refused with that failure named.
 */
class AuditExportIT extends AuditContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSessionExportVerifiesOfflineAgainstTheCheckpointItNames() throws Exception {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        long lastLeaf = history(key, id).get(3).get("leafIndex").asLong();
        String publicKey = text(key, "/ledger/v1/log/public-key").body();
        String note = awaitCheckpointBeyond(key, lastLeaf);
        long size = CheckpointNote.parse(note.substring(0, note.indexOf("\n\n") + 1)).treeSize();

        HttpResponse<String> export = text(key, "/ledger/v1/sessions/" + id + "/export?treeSize=" + size);

        assertThat(export.headers().firstValue("content-type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = lines(export.body());
        assertThat(lines).hasSize(6);
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.path("checkpoint").path("note").asText()).isEqualTo(note);
        assertThat(header.path("checkpoint").path("treeSize").asLong()).isEqualTo(size);
        JsonNode first = JSON.readTree(lines.get(1));
        JsonNode shown = history(key, id).get(0);
        for (String field : List.of("eventId", "type", "sequence", "position", "leafIndex", "hash", "previousHash",
                "data", "actor", "api", "requestId", "correlationId")) {
            assertThat(first.get(field)).as(field).isEqualTo(shown.get(field));
        }
        assertThat(first.path("proof").path("treeSize").asLong()).isEqualTo(size);
        assertThat(JSON.readTree(lines.get(5)).path("end").path("events").asLong()).isEqualTo(4);
        Verdict verdict = offline(lines, publicKey, note);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
    }

    @Test
    void aTenantExportVerifiesAndEveryDoctoredCopyIsRefusedWithItsFailureNamed() throws Exception {
        String tenant = "exp" + ThreadLocalRandom.current().nextInt(1_000_000);
        String key = keyOf(tenant);
        String one = sessionWithFourEvents(key);
        String two = sessionWithFourEvents(key);
        long lastLeaf = history(key, two).get(3).get("leafIndex").asLong();
        String publicKey = text(key, "/ledger/v1/log/public-key").body();
        String note = awaitCheckpointBeyond(key, lastLeaf);

        List<String> good = lines(text(key, "/ledger/v1/export").body());
        List<String> byAdmin = lines(adminText("/ledger/v1/export?tenantId=" + tenant).body());

        assertThat(good).hasSize(10);
        assertThat(byAdmin.subList(1, 10)).isEqualTo(good.subList(1, 10));
        assertThat(good.subList(1, 9)).allSatisfy(line -> assertThat(line).contains("\"" + tenant + ":"));
        assertThat(offline(good, publicKey, null).valid()).as(offline(good, publicKey, null).toString()).isTrue();
        assertThat(offline(good, publicKey, note).valid()).as("the export names the checkpoint as it was fetched, "
                + "or a newer one").isEqualTo(good.get(0).contains(JSON.writeValueAsString(note)));

        int line = lineOf(good, one, 1); // the customer's association: its data holds the customer id
        List<String> altered = new ArrayList<>(good);
        ObjectNode event = (ObjectNode) JSON.readTree(good.get(line));
        ((ObjectNode) event.get("data")).put("customerId", "c-someone-else");
        altered.set(line, JSON.writeValueAsString(event));
        assertFailure(offline(altered, publicKey, null), line + 1, event, "altered");

        List<String> removed = new ArrayList<>(good);
        removed.remove(line);
        JsonNode next = JSON.readTree(good.get(lineOf(good, one, 2)));
        assertFailure(offline(removed, publicKey, null), lineOf(good, one, 2), next, "removed");

        List<String> swapped = new ArrayList<>(good);
        swapped.set(2, good.get(3));
        swapped.set(3, good.get(2));
        assertFailure(offline(swapped, publicKey, null), 3, JSON.readTree(good.get(3)), "reordered");

        List<String> forged = new ArrayList<>(good);
        ObjectNode proved = (ObjectNode) JSON.readTree(good.get(5));
        ArrayNode hashes = (ArrayNode) proved.get("proof").get("hashes");
        assertThat(hashes.size()).isPositive();
        String original = hashes.get(0).asText();
        hashes.set(0, JSON.getNodeFactory().textNode((original.charAt(0) == 'A' ? "B" : "A") + original.substring(1)));
        forged.set(5, JSON.writeValueAsString(proved));
        assertFailure(offline(forged, publicKey, null), 6, proved, "proof");

        List<String> otherKey = new ArrayList<>(good);
        ObjectNode header = (ObjectNode) JSON.readTree(good.get(0));
        String signed = header.path("checkpoint").path("note").asText();
        String body = signed.substring(0, signed.indexOf("\n\n") + 1);
        NoteKey impostor = NoteKey.ofSeed(NoteVerifier.of(publicKey).name(), NoteKey.newSeed());
        ((ObjectNode) header.get("checkpoint")).put("note", SignedNote.sign(body, impostor));
        otherKey.set(0, JSON.writeValueAsString(header));
        Verdict refused = offline(otherKey, publicKey, null);
        assertThat(refused.valid()).isFalse();
        assertThat(refused.failure().line()).isEqualTo(1);
        assertThat(refused.failure().reason()).as(refused.toString()).isEqualTo("checkpoint");
        assertThat(offline(otherKey, impostor.verifierKey(), null).valid()).as("valid under the impostor's own key")
                .isTrue();
    }

    @Test
    void exportsFollowTheAuditRules() throws Exception {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        String neighbour = keyOf("globex");
        String sessionsOnly = issue("{\"tenantId\":\"acme\",\"name\":\"writer\",\"scopes\":[\"sessions\"]}")
                .body().get("key").asText();
        awaitCheckpointBeyond(key, history(key, id).get(3).get("leafIndex").asLong());

        assertThat(as(neighbour, "GET", "/ledger/v1/sessions/" + id + "/export", null).status()).isEqualTo(404);
        assertThat(as(neighbour, "GET", "/ledger/v1/export?tenantId=acme", null).status()).isEqualTo(403);
        assertThat(as(sessionsOnly, "GET", "/ledger/v1/export", null).status()).isEqualTo(403);
        assertThat(as(sessionsOnly, "GET", "/ledger/v1/sessions/" + id + "/export", null).status()).isEqualTo(403);
        assertThat(admin("GET", "/ledger/v1/export", null).status()).isEqualTo(400);
        assertThat(admin("GET", "/ledger/v1/sessions/" + id + "/export", null).status()).isEqualTo(400);
        assertThat(adminText("/ledger/v1/sessions/" + id + "/export?tenantId=acme").statusCode()).isEqualTo(200);
        Http.Response noSuchCheckpoint = as(key, "GET", "/ledger/v1/export?treeSize=999999999", null);
        assertThat(noSuchCheckpoint.status()).isEqualTo(404);
        assertThat(noSuchCheckpoint.body().get("code").asText()).isEqualTo("not_found");
        assertThat(as(key, "GET", "/ledger/v1/export?treeSize=x", null).status()).isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/sessions/no-such-session/export", null).status()).isEqualTo(404);
    }

    /** The 1-based line number of a session's event of that sequence in an export. */
    private static int lineOf(List<String> export, String sessionId, long sequence) throws Exception {
        for (int i = 1; i < export.size(); i++) {
            JsonNode line = JSON.readTree(export.get(i));
            if (line.path("aggregateId").asText().endsWith(":" + sessionId) && line.path("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no sequence " + sequence + " of " + sessionId);
    }

    static Verdict offline(List<String> lines, String publicKey, String checkpoint) throws Exception {
        NoteVerifier key = NoteVerifier.of(publicKey);
        CheckpointNote expected = checkpoint == null ? null : CheckpointNote.verified(checkpoint, key).orElseThrow();
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), key,
                expected);
    }

    private static void assertFailure(Verdict verdict, long line, JsonNode event, String reason) {
        assertThat(verdict.valid()).as("a doctored export is refused").isFalse();
        assertThat(verdict.failure().reason()).as(verdict.toString()).isEqualTo(reason);
        assertThat(verdict.failure().line()).as(verdict.toString()).isEqualTo(line);
        assertThat(verdict.failure().eventId()).as(verdict.toString()).isEqualTo(event.get("eventId").asText());
    }

    static List<String> lines(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\n")));
        lines.removeIf(String::isBlank);
        return lines;
    }

    /** The latest checkpoint once it covers the leaf (checkpoints follow the log every second). */
    String awaitCheckpointBeyond(String key, long leaf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String note = text(key, "/ledger/v1/log/checkpoint").body();
            long size = CheckpointNote.parse(note.substring(0, note.indexOf("\n\n") + 1)).treeSize();
            if (size > leaf || System.nanoTime() > deadline) {
                assertThat(size).as("a checkpoint covering leaf %d", leaf).isGreaterThan(leaf);
                return note;
            }
            Thread.sleep(100);
        }
    }

    HttpResponse<String> text(String key, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("x-api-key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    HttpResponse<String> adminText(String path) throws Exception {
        return text(ADMIN_KEY, path);
    }
}
