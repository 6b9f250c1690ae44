package io.sessionledger.command.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.MerkleProofs;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tree and its proofs against the Certificate Transparency reference vectors and an independent verifier. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsMatchTheReferenceVectors() {
        MerkleTree tree = new MerkleTree(leaves(referenceLeaves()));

        assertThat(HEX.formatHex(tree.root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(tree.root(n))).as("root of %d", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void proofsMatchTheReferenceVectors() {
        MerkleTree tree = new MerkleTree(leaves(referenceLeaves()));

        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(tree.inclusionProof(2, 3)))
                .containsExactly("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(tree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(3, 8))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(tree.consistencyProof(8, 8)).isEmpty();
    }

    /** Sizes past the cached subtree size (256 leaves), every proof checked by an RFC 9162 verifier. */
    @Test
    void everyProofOfALargerTreeVerifiesIndependently() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            all.add(MerkleHashes.leaf(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        AtomicInteger reads = new AtomicInteger();
        MerkleTree tree = new MerkleTree((from, to) -> {
            reads.incrementAndGet();
            return all.subList((int) from, (int) to);
        });
        for (int size : new int[] {1, 2, 255, 256, 257, 511, 512, 1000, 1100}) {
            byte[] root = tree.root(size);
            assertThat(root).isEqualTo(naiveRoot(all.subList(0, size)));
            for (int leaf = 0; leaf < size; leaf += Math.max(1, size / 37)) {
                assertThat(MerkleProofs.inclusion(leaf, size, all.get(leaf), tree.inclusionProof(leaf, size), root))
                        .as("leaf %d of %d", leaf, size).isTrue();
            }
            for (int older = 1; older <= size; older += Math.max(1, size / 23)) {
                assertThat(MerkleProofs.consistency(older, size, tree.root(older), root,
                        tree.consistencyProof(older, size))).as("%d to %d", older, size).isTrue();
            }
        }
        byte[] forged = tree.root(1000).clone();
        forged[0] ^= 1;
        assertThat(MerkleProofs.inclusion(7, 1000, all.get(7), tree.inclusionProof(7, 1000), forged)).isFalse();
        assertThat(MerkleProofs.inclusion(7, 1000, all.get(8), tree.inclusionProof(7, 1000), tree.root(1000)))
                .isFalse();
        assertThat(MerkleProofs.consistency(10, 1000, tree.root(11), tree.root(1000),
                tree.consistencyProof(10, 1000))).isFalse();
    }

    /** An export's cursor gives the tree's own proofs, reading each block of leaves about once when asked in order. */
    @Test
    void proofsOfLeavesInOrderAreTheTreesAndReadEachBlockOnce() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            all.add(MerkleHashes.leaf(new byte[] {(byte) i, (byte) (i >> 8), 7}));
        }
        AtomicInteger reads = new AtomicInteger();
        LeafSource source = (from, to) -> {
            reads.incrementAndGet();
            return all.subList((int) from, (int) to);
        };
        for (int size : new int[] {1, 2, 3, 255, 256, 257, 511, 512, 513, 1000, 1300}) {
            MerkleTree reference = new MerkleTree(leaves(all));
            MerkleTree tree = new MerkleTree(source);
            tree.root(size); // as the checkpointer does before any export: the large subtrees are cached
            reads.set(0);
            InclusionProofs proofs = tree.inclusionProofs(size);
            for (int leaf = 0; leaf < size; leaf++) {
                assertThat(hex(proofs.proof(leaf))).as("leaf %d of %d", leaf, size)
                        .isEqualTo(hex(reference.inclusionProof(leaf, size)));
            }
            int blocks = (size + MerkleTree.CACHED_FROM - 1) / MerkleTree.CACHED_FROM;
            assertThat(reads.get()).as("leaf reads for a tree of %d", size).isLessThanOrEqualTo(blocks + 12);
        }
        InclusionProofs outOfOrder = new MerkleTree(source).inclusionProofs(1000);
        for (int leaf : new int[] {999, 3, 512, 511, 0, 700}) {
            assertThat(hex(outOfOrder.proof(leaf))).isEqualTo(hex(new MerkleTree(leaves(all)).inclusionProof(leaf, 1000)));
        }
        assertThatThrownBy(() -> outOfOrder.proof(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MerkleTree tree = new MerkleTree(leaves(referenceLeaves()));

        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> referenceLeaves() {
        List<byte[]> hashes = new ArrayList<>();
        for (String input : INPUTS) {
            hashes.add(MerkleHashes.leaf(HEX.parseHex(input)));
        }
        return hashes;
    }

    private static LeafSource leaves(List<byte[]> hashes) {
        return (from, to) -> hashes.subList((int) from, (int) to);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** The plain recursive definition, no caching. */
    private static byte[] naiveRoot(List<byte[]> hashes) {
        if (hashes.size() == 1) {
            return hashes.get(0);
        }
        int k = Integer.highestOneBit(hashes.size() - 1);
        return MerkleHashes.node(naiveRoot(hashes.subList(0, k)), naiveRoot(hashes.subList(k, hashes.size())));
    }
}
