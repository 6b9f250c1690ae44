package io.sessionledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 9162 verifiers against the Certificate Transparency reference tree of 8 leaves and its proofs. */
class MerkleProofsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final byte[] ROOT_3 = HEX.parseHex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
    private static final byte[] ROOT_5 = HEX.parseHex("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4");
    private static final byte[] ROOT_8 = HEX.parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final byte[] ROOT_1 = HEX.parseHex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");

    @Test
    void referenceInclusionProofsVerifyAndAnyChangeIsRefused() {
        List<byte[]> path = hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        List<byte[]> ofLeaf1In5 = hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");

        assertThat(MerkleProofs.inclusion(0, 8, leaf(0), path, ROOT_8)).isTrue();
        assertThat(MerkleProofs.inclusion(1, 5, leaf(1), ofLeaf1In5, ROOT_5)).isTrue();
        assertThat(MerkleProofs.inclusion(2, 3, leaf(2), hashes(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"), ROOT_3)).isTrue();
        assertThat(MerkleProofs.inclusion(0, 8, leaf(1), path, ROOT_8)).as("another leaf").isFalse();
        assertThat(MerkleProofs.inclusion(1, 8, leaf(0), path, ROOT_8)).as("another index").isFalse();
        assertThat(MerkleProofs.inclusion(0, 8, leaf(0), path.subList(0, 2), ROOT_8)).as("a hash short").isFalse();
        assertThat(MerkleProofs.inclusion(8, 8, leaf(0), path, ROOT_8)).as("outside the tree").isFalse();
        assertThat(MerkleProofs.inclusion(-1, 8, leaf(0), path, ROOT_8)).isFalse();
    }

    @Test
    void referenceConsistencyProofsVerifyAndAnyChangeIsRefused() {
        List<byte[]> from1 = hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        List<byte[]> from3 = hashes("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");

        assertThat(MerkleProofs.consistency(1, 8, ROOT_1, ROOT_8, from1)).isTrue();
        assertThat(MerkleProofs.consistency(3, 8, ROOT_3, ROOT_8, from3)).isTrue();
        assertThat(MerkleProofs.consistency(8, 8, ROOT_8, ROOT_8, List.of())).isTrue();
        assertThat(MerkleProofs.consistency(3, 8, ROOT_5, ROOT_8, from3)).as("another old root").isFalse();
        assertThat(MerkleProofs.consistency(3, 8, ROOT_3, ROOT_5, from3)).as("another new root").isFalse();
        assertThat(MerkleProofs.consistency(3, 8, ROOT_3, ROOT_8, from3.subList(1, 4))).as("a hash short").isFalse();
        assertThat(MerkleProofs.consistency(0, 8, ROOT_3, ROOT_8, from3)).isFalse();
        assertThat(MerkleProofs.consistency(8, 3, ROOT_8, ROOT_3, from3)).isFalse();
    }

    private static byte[] leaf(int i) {
        return MerkleHashes.leaf(HEX.parseHex(INPUTS[i]));
    }

    private static List<byte[]> hashes(String... hex) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hex) {
            out.add(HEX.parseHex(h));
        }
        return out;
    }
}
