package io.sessionledger.benchmark.audit;

import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.NoteKey;
import io.sessionledger.proofs.SignedNote;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Signing a checkpoint alone (the note's body and its Ed25519 signature, {@link SignedNote#sign}, the command side's
 * own code), in this JVM: thread CPU microseconds per note, after a warm-up. The rest of a checkpoint is the tree's
 * root over the new leaves and one insert.
 */
public final class SigningCost {

    private SigningCost() {
    }

    public static double microsPerNote(Duration warmup, Duration measured) {
        NoteKey key = NoteKey.ofSeed("session-ledger.local/log", NoteKey.newSeed());
        byte[] root = MerkleHashes.leaf(new byte[32]);
        long sink = 0;
        long until = System.nanoTime() + warmup.toNanos();
        for (long size = 1; System.nanoTime() < until; size++) {
            sink += SignedNote.sign(SignedNote.checkpointBody("session-ledger.local/log", size, root), key).length();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long notes = 0;
        until = System.nanoTime() + measured.toNanos();
        for (long size = 1_000_000; System.nanoTime() < until; size++, notes++) {
            sink += SignedNote.sign(SignedNote.checkpointBody("session-ledger.local/log", size, root), key).length();
        }
        double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / Math.max(1, notes);
        return sink == 0 ? Double.NaN : micros;
    }
}
