package io.sessionledger.faults.report;

import io.sessionledger.faults.load.Op;
import io.sessionledger.testsupport.TopicReader;

import java.util.List;

/**
 * What happened in one stretch of the run.
 *
 * @param name              the fault, or "warm-up"
 * @param target            what it hit
 * @param requests          requests sent in the stretch
 * @param writesAcknowledged writes answered 2xx
 * @param failedWrites      writes answered 5xx or not at all
 * @param failedReads       reads answered 5xx or not at all
 * @param pendingWrites     writes answered 2xx with {@code x-ledger-consistency: pending}
 * @param staleReads        reads answered with {@code x-ledger-consistency: stale}
 * @param recoveredSeconds  from the injection until the last failed request of the stretch ended: after it every
 *                          request was answered again (0 when none failed)
 * @param freshSeconds      from the injection until the last degraded answer ended (failed, a write answered pending,
 *                          a read answered stale): after it every answer was whole again
 * @param backSeconds       from the injection until the hit part was back (restarted and healthy)
 * @param redelivered       topic records sent in the stretch that repeat an event already on the topic
 */
public record WindowStats(String name, String target, int requests, int writesAcknowledged, int failedWrites,
                          int failedReads, int pendingWrites, int staleReads, double recoveredSeconds,
                          double freshSeconds, double backSeconds, int redelivered) {

    static WindowStats of(String name, String target, List<Op> ops, long startNanos, long endNanos, long startMillis,
                          long endMillis, long restoredNanos, List<TopicReader.Read> redelivered) {
        List<Op> in = ops.stream().filter(op -> op.startNanos() >= startNanos && op.startNanos() < endNanos).toList();
        long lastFailure = in.stream().filter(Op::failed).mapToLong(Op::endNanos).max().orElse(startNanos);
        long lastDegraded = in.stream().filter(op -> op.failed() || op.pending() || op.stale())
                .mapToLong(Op::endNanos).max().orElse(startNanos);
        return new WindowStats(name, target, in.size(),
                count(in, op -> op.kind().isWrite() && op.acknowledged()),
                count(in, op -> op.kind().isWrite() && op.failed()),
                count(in, op -> !op.kind().isWrite() && op.failed()),
                count(in, op -> op.kind().isWrite() && op.acknowledged() && op.pending()),
                count(in, op -> !op.kind().isWrite() && op.stale()),
                Math.max(0, lastFailure - startNanos) / 1e9,
                Math.max(0, lastDegraded - startNanos) / 1e9,
                restoredNanos < 0 ? 0 : (restoredNanos - startNanos) / 1e9,
                (int) redelivered.stream().filter(r -> r.timestamp() >= startMillis && r.timestamp() < endMillis).count());
    }

    private static int count(List<Op> ops, java.util.function.Predicate<Op> which) {
        return (int) ops.stream().filter(which).count();
    }

    public int failed() {
        return failedWrites + failedReads;
    }
}
