package io.sessionledger.command.log;

import java.time.Instant;

/** A signed checkpoint: the tree size, its root (hex) and the signed note that states both. */
public record Checkpoint(long treeSize, String rootHash, String note, Instant createdAt) {
}
