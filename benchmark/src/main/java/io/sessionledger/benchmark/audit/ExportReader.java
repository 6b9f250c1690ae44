package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.MerkleProofs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams a tenant-wide export (JSON Lines) and counts its event lines as they arrive, without holding it. Every
 * {@value #SAMPLE}th event line is parsed and its inclusion proof checked against the root on the first line
 * (so a fast export is also a right one); the closing line's count must match.
 */
public final class ExportReader {

    public record Exported(long events, long bytes, double seconds, long declared, long proofsChecked, long proofsFailed) {
        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }

        public String describe() {
            return String.format("%,d event lines, %,d MB, closing line says %,d; %,d sampled inclusion proofs "
                            + "checked against the header's root, %,d wrong", events, bytes >> 20, declared,
                    proofsChecked, proofsFailed);
        }
    }

    static final int SAMPLE = 997;
    private static final int SHORT = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private long lines;
    private long bytes;
    private long declared = -1;
    private long checked;
    private long failed;
    private long treeSize;
    private byte[] root;

    /**
     * Read with {@link HttpURLConnection}, not the run's {@code HttpClient}: the latter's body subscriber took as
     * much CPU to hand over 2 GB as the command side took to write it, on the cores the system shares.
     */
    public static Exported tenant(AuditApi api, String tenantId, long treeSize) throws IOException {
        URI uri = api.uri("/ledger/v1/export?treeSize=" + treeSize + "&tenantId=" + tenantId);
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestProperty("x-api-key", api.adminKey());
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(120_000);
        try {
            if (connection.getResponseCode() != 200) {
                InputStream error = connection.getErrorStream();
                throw new IllegalStateException("export: " + connection.getResponseCode() + " "
                        + (error == null ? "" : new String(error.readNBytes(2000))));
            }
            ExportReader reader = new ExportReader();
            try (InputStream body = connection.getInputStream()) {
                reader.read(body);
            }
            return reader.result((System.nanoTime() - start) / 1e9);
        } finally {
            connection.disconnect();
        }
    }

    void read(InputStream body) throws IOException {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        for (int read; (read = body.read(buffer)) > 0; ) {
            bytes += read;
            int from = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                // parsed: the header (line 0), sampled event lines, and any short line (only the closing one is)
                if (lines % SAMPLE == 0 || line.size() + i - from < SHORT) {
                    line.write(buffer, from, i - from);
                    parsed(line.toByteArray());
                }
                line.reset();
                lines++;
                from = i + 1;
            }
            line.write(buffer, from, read - from); // the start of the next line
        }
        if (line.size() > 0) {
            parsed(line.toByteArray());
            lines++;
        }
    }

    /** What was read so far, as an export of {@code seconds}. */
    Exported result(double seconds) {
        return new Exported(Math.max(0, lines - 2), bytes, seconds, declared, checked, failed);
    }

    private void parsed(byte[] text) throws IOException {
        JsonNode node = JSON.readTree(text);
        if (node.has("checkpoint")) {
            treeSize = node.path("checkpoint").path("treeSize").asLong();
            root = Base64.getDecoder().decode(node.path("checkpoint").path("rootHash").asText());
        } else if (node.has("end")) {
            declared = node.path("end").path("events").asLong();
        } else if (node.has("proof")) {
            List<byte[]> path = new ArrayList<>();
            node.path("proof").path("hashes").forEach(hash -> path.add(Base64.getDecoder().decode(hash.asText())));
            byte[] leaf = MerkleHashes.leaf(HexFormat.of().parseHex(node.path("hash").asText()));
            boolean ok = MerkleProofs.inclusion(node.path("leafIndex").asLong(), treeSize, leaf, path, root);
            checked++;
            failed += ok ? 0 : 1;
        }
    }
}
