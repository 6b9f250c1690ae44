package io.sessionledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.EventContent;
import io.sessionledger.proofs.ExportLine;
import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.NoteKey;
import io.sessionledger.proofs.NoteVerifier;
import io.sessionledger.proofs.SignedNote;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-built export of three events (two sessions) in a log of three leaves, its proofs worked out by hand:
 * accepted as written, each doctored copy refused with the failure named. The ITs do the same on real exports.
 */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NoteKey KEY = NoteKey.ofSeed("test.example/log", new byte[32]);

    private final List<String> lines = new ArrayList<>();
    private String note;

    ExportVerifierTest() throws Exception {
        EventContent[] contents = {content("acme:s-1", 0, "e-0"), content("acme:s-2", 0, "e-1"),
                content("acme:s-1", 1, "e-2")};
        String[] hashes = new String[3];
        byte[][] leaves = new byte[3][];
        hashes[0] = contents[0].hash(EventContent.GENESIS);
        hashes[1] = contents[1].hash(EventContent.GENESIS);
        hashes[2] = contents[2].hash(hashes[0]);
        for (int i = 0; i < 3; i++) {
            leaves[i] = MerkleHashes.leaf(HexFormat.of().parseHex(hashes[i]));
        }
        byte[] left = MerkleHashes.node(leaves[0], leaves[1]);
        byte[] root = MerkleHashes.node(left, leaves[2]);
        note = SignedNote.sign(SignedNote.checkpointBody("test.example/log", 3, root), KEY);
        List<List<byte[]>> proofs = List.of(List.of(leaves[1], leaves[2]), List.of(leaves[0], leaves[2]), List.of(left));
        lines.add(text(ExportLine.header(note, CheckpointNote.parse(note.substring(0, note.indexOf("\n\n") + 1)))));
        String[] previous = {EventContent.GENESIS, EventContent.GENESIS, hashes[0]};
        for (int i = 0; i < 3; i++) {
            lines.add(text(ExportLine.event(contents[i], hashes[i], previous[i], 100 + i, i, 3, proofs.get(i))));
        }
        lines.add(text(ExportLine.end(3)));
    }

    @Test
    void theExportAsWrittenIsValid() throws Exception {
        Verdict verdict = verify(lines);

        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.summary()).startsWith("3 events of 2 sessions");
    }

    @Test
    void anAlteredDataFieldIsNamed() throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(3));
        ((ObjectNode) line.get("data")).put("customerId", "someone-else");
        lines.set(3, text(line));

        assertFailure(verify(lines), 4, "e-2", "altered");
    }

    @Test
    void anAlteredShownFieldIsNamedToo() throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(1));
        ((ObjectNode) line.get("actor")).put("apiKeyId", "k-forged");
        lines.set(1, text(line));

        assertFailure(verify(lines), 2, "e-0", "altered");
    }

    @Test
    void aRemovedLineIsNamed() throws Exception {
        lines.remove(3);

        assertFailure(verify(lines), 4, null, "removed");
    }

    @Test
    void swappedLinesAreNamed() throws Exception {
        String second = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, second);

        assertFailure(verify(lines), 4, "e-1", "reordered");
    }

    @Test
    void aSessionsEventsSwappedAreNamedAtTheFirstOutOfPlace() throws Exception {
        String first = lines.get(1);
        lines.set(1, lines.get(3));
        lines.set(3, first);

        Verdict verdict = verify(lines);

        assertFailure(verdict, 2, "e-2", "reordered");
        assertThat(verdict.failure().detail()).contains("line 4");
    }

    @Test
    void aForgedProofHashIsNamed() throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        ((com.fasterxml.jackson.databind.node.ArrayNode) line.get("proof").get("hashes")).set(0,
                JSON.getNodeFactory().textNode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        lines.set(2, text(line));

        assertFailure(verify(lines), 3, "e-1", "proof");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        NoteKey other = NoteKey.ofSeed("test.example/log", NoteKey.newSeed());
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        String body = note.substring(0, note.indexOf("\n\n") + 1);
        ((ObjectNode) header.get("checkpoint")).put("note", SignedNote.sign(body, other));
        lines.set(0, text(header));

        assertFailure(verify(lines), 1, null, "checkpoint");
    }

    @Test
    void anExportCutShortIsNamed() throws Exception {
        lines.remove(lines.size() - 1);

        assertFailure(verify(lines), 4, null, "truncated");
    }

    private Verdict verify(List<String> export) throws Exception {
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", export) + "\n")),
                NoteVerifier.of(KEY.verifierKey()), null);
    }

    private static void assertFailure(Verdict verdict, long line, String eventId, String reason) {
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.failure().line()).as(verdict.toString()).isEqualTo(line);
        assertThat(verdict.failure().eventId()).as(verdict.toString()).isEqualTo(eventId);
        assertThat(verdict.failure().reason()).as(verdict.toString()).isEqualTo(reason);
    }

    private static EventContent content(String aggregateId, long sequence, String eventId) throws Exception {
        JsonNode payload = JSON.readTree("{\"sessionId\":\"" + aggregateId.substring(5) + "\",\"customerId\":\"c-1\"}");
        JsonNode metadata = JSON.readTree("{\"tenantId\":\"acme\",\"apiKeyId\":\"k-1\",\"dialect\":\"genesys-v1\","
                + "\"requestId\":\"r-" + eventId + "\",\"correlationId\":\"r-" + eventId + "\"}");
        return new EventContent(aggregateId, sequence, eventId, "io.sessionledger.events.SessionCreated",
                "2026-12-01T09:00:00.00" + sequence + "Z", payload, metadata);
    }

    private static String text(JsonNode node) throws Exception {
        return JSON.writeValueAsString(node);
    }
}
