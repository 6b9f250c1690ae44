package io.sessionledger.query.projection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A request that the live poll thread stop between two batches (nothing in flight, offsets settled) until the
 * one who asked lets it go on: the rebuild holds it while it catches the shadow up to the now still live
 * positions and swaps.
 */
final class Pause {

    /** Completes once the poll thread stands still (at once when no poll thread runs). */
    final CompletableFuture<Void> parked = new CompletableFuture<>();
    private final CompletableFuture<Boolean> resumed = new CompletableFuture<>();

    /** @param readModelReplaced the rows and offsets were replaced meanwhile: read on from the stored offsets */
    void resume(boolean readModelReplaced) {
        resumed.complete(readModelReplaced);
    }

    boolean awaitResume() throws InterruptedException {
        try {
            return resumed.get();
        } catch (ExecutionException e) {
            return false;
        }
    }
}
