package io.sessionledger.benchmark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.proofs.MerkleHashes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A synthetic export, read in odd-sized pieces as a network hands them over. */
class ExportReaderTest {

    private static final int EVENTS = 2_500;

    @Test
    void countsEveryLineAndChecksTheSampledProofs() throws Exception {
        ExportReader reader = new ExportReader();
        reader.read(pieces(export(EVENTS, -1, true)));

        ExportReader.Exported read = reader.result(1.0);
        assertThat(read.events()).isEqualTo(EVENTS);
        assertThat(read.declared()).isEqualTo(EVENTS);
        assertThat(read.proofsChecked()).isEqualTo(EVENTS / ExportReader.SAMPLE); // lines 997 and 1994
        assertThat(read.proofsFailed()).isZero();
    }

    @Test
    void aSampledLineWhoseProofIsWrongIsCountedAsWrong() throws Exception {
        ExportReader reader = new ExportReader();
        reader.read(pieces(export(EVENTS, ExportReader.SAMPLE - 1, true))); // the event on line SAMPLE

        assertThat(reader.result(1.0).proofsFailed()).isEqualTo(1);
    }

    @Test
    void anExportCutShortHasNoClosingCount() throws Exception {
        ExportReader reader = new ExportReader();
        reader.read(pieces(export(EVENTS, -1, false)));

        assertThat(reader.result(1.0).declared()).isEqualTo(-1);
    }

    private static String export(int n, int doctored, boolean closed) {
        List<byte[]> hashes = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] hash = MerkleHashes.leaf(new byte[] {(byte) i, (byte) (i >> 8), 1}); // any 32 bytes
            hashes.add(hash);
            leaves.add(MerkleHashes.leaf(hash));
        }
        StringBuilder out = new StringBuilder("{\"checkpoint\":{\"treeSize\":" + n + ",\"rootHash\":\""
                + Base64.getEncoder().encodeToString(root(leaves)) + "\"}}\n");
        for (int i = 0; i < n; i++) {
            byte[] hash = hashes.get(i).clone();
            if (i == doctored) {
                hash[0] ^= 1;
            }
            out.append("{\"hash\":\"").append(HexFormat.of().formatHex(hash)).append("\",\"leafIndex\":").append(i)
                    .append(",\"data\":\"").append("x".repeat(300)).append("\",\"proof\":{\"hashes\":[");
            List<byte[]> proof = new ArrayList<>();
            if ((i + 1) % ExportReader.SAMPLE == 0) { // only sampled lines are checked: the others need none
                path(i, leaves, proof);
            }
            for (int p = 0; p < proof.size(); p++) {
                out.append(p == 0 ? "\"" : ",\"").append(Base64.getEncoder().encodeToString(proof.get(p))).append('"');
            }
            out.append("]}}\n");
        }
        if (closed) {
            out.append("{\"end\":{\"events\":").append(n).append("}}\n");
        }
        return out.toString();
    }

    /** RFC 6962 §2.1.1, plainly. */
    private static void path(int m, List<byte[]> leaves, List<byte[]> proof) {
        int n = leaves.size();
        if (n == 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path(m, leaves.subList(0, k), proof);
            proof.add(root(leaves.subList(k, n)));
        } else {
            path(m - k, leaves.subList(k, n), proof);
            proof.add(root(leaves.subList(0, k)));
        }
    }

    private static byte[] root(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    private static InputStream pieces(String text) {
        Random random = new Random(7);
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7000)));
            }
        };
    }
}
