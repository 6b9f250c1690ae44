package io.sessionledger.command.log;

import io.sessionledger.proofs.MerkleHashes;
import java.util.List;

/** Where a tree's leaf hashes come from: the log table, or a list in a test. */
public interface LeafSource {

    /** The leaf hashes (already {@link MerkleHashes#leaf}ed) of leaves {@code from} (inclusive) to {@code to}. */
    List<byte[]> leafHashes(long from, long to);
}
