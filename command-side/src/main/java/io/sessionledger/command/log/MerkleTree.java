package io.sessionledger.command.log;

import io.sessionledger.proofs.MerkleHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger-wide log as RFC 6962 §2.1 defines it: MTH over leaves [0, n), audit paths (§2.1.1) and
 * consistency proofs (§2.1.2). The log is append-only, so the hash of a complete, aligned subtree never changes:
 * those of {@value #CACHED_FROM} leaves or more are kept in memory (n/128 entries for n leaves), smaller ones are
 * hashed from their leaves, so a proof or a root reads at most a few hundred leaves from the source.
 */
public final class MerkleTree {

    static final int CACHED_FROM = 256;

    private final LeafSource leaves;
    private final Map<Long, byte[]> complete = new ConcurrentHashMap<>();

    public MerkleTree(LeafSource leaves) {
        this.leaves = leaves;
    }

    LeafSource leaves() {
        return leaves;
    }

    /** MTH(D[0:n]). */
    public byte[] root(long size) {
        return size == 0 ? MerkleHashes.empty() : hash(0, size);
    }

    /** PATH(m, D[0:n]) of RFC 6962 §2.1.1. */
    public List<byte[]> inclusionProof(long leafIndex, long size) {
        return inclusionProof(leafIndex, size, this::hash);
    }

    /** Proofs of many leaves of one tree size, for a reader that asks in leaf order (an export). */
    public InclusionProofs inclusionProofs(long size) {
        return new InclusionProofs(this, size);
    }

    /** Where a proof takes the hash of a range of leaves from: the tree itself, or a cursor over it. */
    interface Ranges {
        byte[] hash(long from, long to);
    }

    static List<byte[]> inclusionProof(long leafIndex, long size, Ranges ranges) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, size, proof, ranges);
        return proof;
    }

    /** PROOF(m, D[0:n]) of RFC 6962 §2.1.2; empty when m == n. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private static void path(long m, long start, long n, List<byte[]> proof, Ranges ranges) {
        if (n == 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            path(m, start, k, proof, ranges);
            proof.add(ranges.hash(start + k, start + n));
        } else {
            path(m - k, start + k, n - k, proof, ranges);
            proof.add(ranges.hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long n, boolean whole, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(hash(start, start + n));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, start, k, whole, proof);
            proof.add(hash(start + k, start + n));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH(D[from:to]). */
    byte[] hash(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return leaves.leafHashes(from, to).get(0);
        }
        boolean aligned = Long.bitCount(n) == 1 && from % n == 0;
        if (aligned && n >= CACHED_FROM) {
            byte[] cached = complete.get(key(from, n));
            if (cached != null) {
                return cached;
            }
        }
        byte[] result;
        if (n <= CACHED_FROM) {
            result = fold(leaves.leafHashes(from, to), 0, (int) n);
        } else {
            long k = splitPoint(n);
            result = MerkleHashes.node(hash(from, from + k), hash(from + k, to));
        }
        if (aligned && n >= CACHED_FROM) {
            complete.put(key(from, n), result);
        }
        return result;
    }

    private static byte[] fold(List<byte[]> hashes, int from, int n) {
        if (n == 1) {
            return hashes.get(from);
        }
        int k = (int) splitPoint(n);
        return MerkleHashes.node(fold(hashes, from, k), fold(hashes, from + k, n - k));
    }

    /** The largest power of two smaller than n (n > 1). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static long key(long from, long n) {
        return from * 64 + Long.numberOfTrailingZeros(n);
    }
}
