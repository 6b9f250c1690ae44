package io.sessionledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed lines are the tree-built ones of {@link ExportLine#event}, byte for byte: the verifier reads those. */
class ExportLineWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheLinesExportLineDefines() throws Exception {
        String[][] stored = {
                {"{\"sessionId\":\"s-1\",\"customer\":\"enc:v1:AAAA/+==\",\"n\":7,\"big\":12345678901234,"
                        + "\"huge\":123456789012345678901234567890,\"ratio\":0.25,\"exp\":1.5E300,\"ok\":true,"
                        + "\"none\":null,\"nested\":{\"list\":[1,\"two\",{\"three\":[]}],\"empty\":{}}}",
                        "{\"apiKeyId\":\"k-1\",\"tenantId\":\"acme\",\"dialect\":\"genesys\",\"requestId\":\"r-1\","
                                + "\"correlationId\":42,\"causationId\":null,\"extra\":{\"a\":[true]}}"},
                {"{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t control \\u0001 é ü 漢 \\ud83d\\ude00 </script>\"}",
                        null},
                {"\"just a string\"", "{}"},
                {"[]", "{\"apiKeyId\":null,\"tenantId\":\"t_1\",\"requestId\":\"é\"}"},
        };
        List<byte[]> shared = List.of(new byte[32], filled(7), filled(-1));
        ExportLineWriter writer = new ExportLineWriter(16);
        ExportLineWriter.Base64Cache base64 = new ExportLineWriter.Base64Cache();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < stored.length; i++) {
            byte[] payload = stored[i][0].getBytes(StandardCharsets.UTF_8);
            byte[] metadata = stored[i][1] == null ? null : stored[i][1].getBytes(StandardCharsets.UTF_8);
            List<byte[]> proof = new ArrayList<>(shared.subList(0, 1 + i % 3));
            proof.add(filled(i));
            ExportLineWriter.StoredLine line = new ExportLineWriter.StoredLine("e-" + i, "acme:s-" + i, i,
                    "io.sessionledger.events.Event" + i, i == 3 ? null : "2026-12-01T10:00:0" + i + "Z", payload,
                    metadata, "a".repeat(64), "0".repeat(64), 100 + i, 10 + i);
            writer.line(line, 99, base64.encode(proof));
            EventContent content = new EventContent(line.aggregateId(), line.sequence(), line.eventId(),
                    line.payloadType(), line.occurredAt(), JSON.readTree(payload),
                    metadata == null ? null : JSON.readTree(metadata));
            // As the export wrote its lines before: bytes from the tree (UTF-8: characters outside the BMP escaped).
            expected.append(new String(JSON.writeValueAsBytes(ExportLine.event(content, line.hash(),
                    line.previousHash(), line.position(), line.leafIndex(), 99, proof)), StandardCharsets.UTF_8))
                    .append('\n');
        }

        assertThat(new String(writer.toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    /** The export reuses one writer per batch in flight: after a reset it writes only the lines since. */
    @Test
    void aResetWriterWritesOnlyTheLinesSince() throws Exception {
        ExportLineWriter reused = new ExportLineWriter(16);
        ExportLineWriter fresh = new ExportLineWriter(16);
        ExportLineWriter.Base64Cache base64 = new ExportLineWriter.Base64Cache();
        List<SerializedString> proof = base64.encode(List.of(filled(1), filled(2)));
        reused.line(stored(0), 9, proof);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        reused.writeTo(first);
        reused.reset();
        reused.line(stored(1), 9, proof);
        reused.line(stored(2), 9, proof);
        fresh.line(stored(1), 9, proof);
        fresh.line(stored(2), 9, proof);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        reused.writeTo(second);

        assertThat(new String(first.toByteArray(), StandardCharsets.UTF_8)).startsWith("{\"eventId\":\"e-0\"")
                .endsWith("\n").containsOnlyOnce("\n");
        assertThat(second.toByteArray()).isEqualTo(fresh.toBytes());
    }

    private static ExportLineWriter.StoredLine stored(int i) {
        return new ExportLineWriter.StoredLine("e-" + i, "acme:s-" + i, i, "a.B", "2026-12-01T10:00:00Z",
                ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), null, "a".repeat(64), "0".repeat(64), i, i);
    }

    @Test
    void aPayloadThatIsNotJsonIsAnError() {
        ExportLineWriter writer = new ExportLineWriter(16);
        ExportLineWriter.StoredLine line = new ExportLineWriter.StoredLine("e", "acme:s", 0, "a.B", "t",
                "{\"cut\":".getBytes(StandardCharsets.UTF_8), null, "a", "b", 1, 0);

        assertThatThrownBy(() -> writer.line(line, 1, List.of())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aSharedHashIsEncodedOnce() {
        ExportLineWriter.Base64Cache base64 = new ExportLineWriter.Base64Cache();
        byte[] shared = filled(3);

        assertThat(base64.encode(List.of(shared)).get(0)).isSameAs(base64.encode(List.of(filled(4), shared)).get(1));
        assertThat(base64.encode(List.of(shared)).get(0).getValue()).isEqualTo("AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=");
    }

    private static byte[] filled(int value) {
        byte[] hash = new byte[32];
        java.util.Arrays.fill(hash, (byte) value);
        return hash;
    }
}
