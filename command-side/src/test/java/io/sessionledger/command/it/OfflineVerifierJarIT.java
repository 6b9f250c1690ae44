package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.proofs.CheckpointNote;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier as an auditor runs it: the shaded jar (verifier/target/ledger-verifier.jar, built by the reactor
 * before this module) through {@code java -jar}, on files fetched from the API, with its exit status.
 */
class OfflineVerifierJarIT extends AuditContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("..", "verifier", "target", "ledger-verifier.jar").toAbsolutePath().normalize();

    record Run(int status, String out) {
    }

    @TempDir
    Path dir;

    @Test
    void theJarAcceptsAGoodExportAndAConsistentCheckpointAndRefusesDoctoredOnes() throws Exception {
        assertThat(JAR).as("the verifier jar (mvn package of the verifier module)").exists();
        String key = keyOf("acme");
        Path publicKey = write("key.txt", get(key, "/ledger/v1/log/public-key"));
        String firstId = sessionWithFourEvents(key);
        String older = awaitCheckpointBeyond(key, history(key, firstId).get(3).get("leafIndex").asLong());
        String id = sessionWithFourEvents(key);
        String newer = awaitCheckpointBeyond(key, history(key, id).get(3).get("leafIndex").asLong());
        long olderSize = size(older);
        long newerSize = size(newer);
        Path checkpoint = write("checkpoint.txt", newer);
        Path export = write("export.jsonl", get(key, "/ledger/v1/sessions/" + id + "/export?treeSize=" + newerSize));

        Run good = run("export", "--public-key", publicKey.toString(), "--checkpoint", checkpoint.toString(),
                export.toString());
        assertThat(good.status()).as(good.out()).isZero();
        assertThat(good.out()).startsWith("VALID: 4 events of 1 sessions");

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        ObjectNode event = (ObjectNode) JSON.readTree(lines.get(2));
        ((ObjectNode) event.get("data")).put("customerId", "c-someone-else");
        lines.set(2, JSON.writeValueAsString(event));
        Path doctored = write("doctored.jsonl", String.join("\n", lines) + "\n");
        Run refused = run("export", "--public-key", publicKey.toString(), doctored.toString());
        assertThat(refused.status()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out()).startsWith("INVALID: line 3, event " + event.get("eventId").asText() + ", altered: ");

        Path olderFile = write("older.txt", older);
        Path proof = write("proof.json", get(key, "/ledger/v1/log/proofs/consistency?from=" + olderSize + "&to="
                + newerSize));
        Run consistent = run("consistency", "--public-key", publicKey.toString(), olderFile.toString(),
                checkpoint.toString(), proof.toString());
        assertThat(consistent.status()).as(consistent.out()).isZero();
        JsonNode forged = JSON.readTree(Files.readString(proof));
        ArrayNode hashes = (ArrayNode) forged.get("hashes");
        hashes.set(0, JSON.getNodeFactory().textNode(flip(hashes.get(0).asText())));
        Path forgedProof = write("forged.json", JSON.writeValueAsString(forged));
        Run inconsistent = run("consistency", "--public-key", publicKey.toString(), olderFile.toString(),
                checkpoint.toString(), forgedProof.toString());
        assertThat(inconsistent.status()).as(inconsistent.out()).isEqualTo(1);
        assertThat(inconsistent.out()).contains("inconsistent");

        Run usage = run("export", export.toString());
        assertThat(usage.status()).as(usage.out()).isEqualTo(2);
        assertThat(usage.out()).contains("--public-key is required");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static String flip(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }

    private static long size(String note) {
        return CheckpointNote.parse(note.substring(0, note.indexOf("\n\n") + 1)).treeSize();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String awaitCheckpointBeyond(String key, long leaf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String note = get(key, "/ledger/v1/log/checkpoint");
            if (size(note) > leaf || System.nanoTime() > deadline) {
                assertThat(size(note)).as("a checkpoint covering leaf %d", leaf).isGreaterThan(leaf);
                return note;
            }
            Thread.sleep(100);
        }
    }

    private String get(String key, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("x-api-key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
