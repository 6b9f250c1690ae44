package io.sessionledger.faults.check;

import io.sessionledger.faults.load.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clients saw, in real time, per session (by the versions their answers carried): one client's reads
 * never go backwards; a read never misses a write acknowledged (with its Kafka position) before it began;
 * a write never answers from a state older than one another request had already seen.
 */
final class HistoryChecks {

    private final Map<String, List<Op>> bySession = new HashMap<>();
    /** Reads answered 404: the session was not found. */
    private final Map<String, List<Op>> notFound = new HashMap<>();

    HistoryChecks(List<Op> ops) {
        for (Op op : ops) {
            String session = sessionOf(op);
            if (session != null && op.acknowledged() && op.version() != null) {
                bySession.computeIfAbsent(session, s -> new ArrayList<>()).add(op);
            } else if (session != null && !op.kind().isWrite() && op.status() == 404) {
                notFound.computeIfAbsent(session, s -> new ArrayList<>()).add(op);
            }
        }
    }

    CheckResult monotonicReads() {
        CheckResult result = new CheckResult("reads-monotonic-per-client",
                "a client never reads an older version of a session than it read before");
        long staleBackwards = 0;
        for (List<Op> ops : bySession.values()) {
            Map<Integer, Long> seen = new HashMap<>();
            for (Op op : ops) {
                if (op.kind().isWrite()) {
                    continue;
                }
                result.examined();
                Long before = seen.get(op.client());
                if (before != null && op.version() < before) {
                    if (op.stale()) {
                        staleBackwards++;
                    } else {
                        result.violation("client " + op.client() + " read " + op.target() + " at version "
                                + op.version() + " after version " + before + " (" + op.requestId() + ")");
                    }
                }
                if (!op.stale()) {
                    seen.merge(op.client(), op.version(), Math::max);
                }
            }
        }
        result.note(staleBackwards + " reads marked stale (x-ledger-consistency: stale) went backwards");
        return result;
    }

    CheckResult readYourWrites() {
        CheckResult result = new CheckResult("reads-see-acknowledged-writes",
                "a read sees every write acknowledged with its Kafka position before the read began");
        long stale = 0;
        long behindPending = 0;
        for (List<Op> ops : bySession.values()) {
            for (Op read : ops) {
                if (read.kind().isWrite()) {
                    continue;
                }
                result.examined();
                long published = maxBefore(ops, read, true, false);
                if (read.version() < published) {
                    if (read.stale()) {
                        stale++;
                    } else {
                        result.violation(read.kind() + " " + read.requestId() + " by client " + read.client()
                                + " saw version " + read.version() + " of " + read.target() + ", version " + published
                                + " was acknowledged before it began");
                    }
                } else if (read.version() < maxBefore(ops, read, true, true)) {
                    behindPending++;
                }
            }
        }
        result.note(stale + " reads marked stale missed an acknowledged write; " + behindPending
                + " reads missed only writes answered pending");
        return result;
    }

    /**
     * A read that answers 404 for a session whose create (or any write) was acknowledged with its position before
     * the read began tells the client the session does not exist: unless it says the answer may be stale, that
     * is a lost write as far as the client can tell.
     */
    CheckResult readsFindSessions() {
        CheckResult result = new CheckResult("reads-find-acknowledged-sessions",
                "a read never answers 404, unmarked, for a session acknowledged before it began");
        long stale = 0;
        for (Map.Entry<String, List<Op>> session : notFound.entrySet()) {
            List<Op> writes = bySession.getOrDefault(session.getKey(), List.of());
            for (Op read : session.getValue()) {
                result.examined();
                long published = maxBefore(writes, read, true, false);
                if (published < 0) {
                    continue;
                }
                if (read.stale()) {
                    stale++;
                } else {
                    result.violation(read.kind() + " " + read.requestId() + " by client " + read.client()
                            + " found no " + read.target() + " (in " + (read.endNanos() - read.startNanos()) / 1_000_000
                            + " ms), version " + published + " was acknowledged before it began");
                }
            }
        }
        result.note(stale + " such answers were marked stale");
        return result;
    }

    CheckResult linearizableWrites() {
        CheckResult result = new CheckResult("writes-never-answer-from-the-past",
                "a write's answer is never older than a version some answer showed before the write began");
        for (List<Op> ops : bySession.values()) {
            for (Op write : ops) {
                if (!write.kind().isWrite()) {
                    continue;
                }
                result.examined();
                long seen = maxBefore(ops, write, false, true);
                if (write.version() < seen) {
                    result.violation(write.kind() + " " + write.requestId() + " by client " + write.client()
                            + " answered version " + write.version() + " of " + write.target() + ", version " + seen
                            + " had been answered before it began");
                }
            }
        }
        return result;
    }

    /**
     * The highest version answered by requests that ended before {@code op} began: writes only, or writes
     * and fresh reads; writes answered pending only when {@code withPending}.
     */
    private static long maxBefore(List<Op> ops, Op op, boolean writesOnly, boolean withPending) {
        long max = -1;
        for (Op earlier : ops) {
            boolean counts = earlier.kind().isWrite() ? withPending || !earlier.pending() : !writesOnly && !earlier.stale();
            if (counts && earlier.endNanos() < op.startNanos()) {
                max = Math.max(max, earlier.version());
            }
        }
        return max;
    }

    private static String sessionOf(Op op) {
        if (op.kind().byKey()) {
            return op.target() == null ? null : "key:" + op.target();
        }
        String id = op.kind().isWrite() && op.sessionId() != null ? op.sessionId() : op.target();
        return id == null ? null : "id:" + id;
    }
}
