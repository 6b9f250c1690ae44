package io.sessionledger.command.log;

import io.sessionledger.proofs.MerkleHashes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inclusion proofs of many leaves against one tree size, for a reader that asks in leaf order (an export). Proofs
 * of neighbouring leaves share nearly every hash: the subtrees below {@link MerkleTree#CACHED_FROM} leaves that a
 * proof needs all lie in its leaf's aligned block of that many leaves, so the block's leaves are read once (one
 * query) and each of its inner nodes hashed once; the ranges that end at the tree's right edge are the same for
 * every proof of this size and are kept; larger complete subtrees come from the tree's own cache. The proofs are
 * exactly {@link MerkleTree#inclusionProof}'s. One per reader: not thread-safe.
 */
public final class InclusionProofs {

    private static final int BLOCK = MerkleTree.CACHED_FROM;
    private static final int LEVELS = Integer.numberOfTrailingZeros(BLOCK) + 1;

    private final MerkleTree tree;
    private final long size;
    private final Map<Long, byte[]> rightEdge = new HashMap<>();
    private long blockStart = -1;
    /** nodes[level][i]: the hash of the block's leaves [i * 2^level, (i + 1) * 2^level), made when first asked. */
    private final byte[][][] nodes = new byte[LEVELS][][];

    InclusionProofs(MerkleTree tree, long size) {
        this.tree = tree;
        this.size = size;
    }

    public List<byte[]> proof(long leafIndex) {
        return MerkleTree.inclusionProof(leafIndex, size, this::hash);
    }

    private byte[] hash(long from, long to) {
        if (to == size) {
            byte[] edge = rightEdge.get(from);
            if (edge == null) {
                edge = tree.hash(from, to);
                rightEdge.put(from, edge);
            }
            return edge;
        }
        long n = to - from; // a complete, aligned subtree: only ranges at the right edge are not
        if (n >= BLOCK) {
            return tree.hash(from, to);
        }
        long start = from - Math.floorMod(from, BLOCK);
        if (start != blockStart) {
            load(start);
        }
        return node(Long.numberOfTrailingZeros(n), (int) ((from - start) / n));
    }

    private void load(long start) {
        List<byte[]> leaves = tree.leaves().leafHashes(start, Math.min(start + BLOCK, size));
        nodes[0] = leaves.toArray(new byte[0][]);
        for (int level = 1; level < LEVELS; level++) {
            nodes[level] = new byte[BLOCK >> level][];
        }
        blockStart = start;
    }

    private byte[] node(int level, int index) {
        byte[] made = nodes[level][index];
        if (made == null) {
            made = MerkleHashes.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            nodes[level][index] = made;
        }
        return made;
    }
}
