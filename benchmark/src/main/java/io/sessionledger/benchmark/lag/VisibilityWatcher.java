package io.sessionledger.benchmark.lag;

import io.sessionledger.benchmark.load.Latency;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * When does an acknowledged write become readable? Each write response names its Kafka position
 * ({@code x-ledger-position: partition:offset}); the projection commits {@code projection_offset.next_offset}
 * in the same transaction as the rows. One poller reads that small table every interval and resolves every
 * write below it. Resolution is the poll interval; lag is measured from the moment the client had the ack
 * (a write projected before its ack arrived counts as zero).
 */
public final class VisibilityWatcher {

    private record Pending(int partition, long offset, long ackNanos) {
    }

    private final ConcurrentLinkedQueue<Pending> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<Integer, PriorityQueue<Pending>> waiting = new HashMap<>();
    private final Histogram lagMicros = Latency.newMicrosHistogram();
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String topic;
    private final long pollNanos;
    private long unresolved;

    public VisibilityWatcher(String jdbcUrl, String user, String password, String topic, long pollMicros) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.topic = topic;
        this.pollNanos = TimeUnit.MICROSECONDS.toNanos(pollMicros);
    }

    /** From the HTTP threads: a write acknowledged at {@code ackNanos} at this position ("p:o"). */
    public boolean acknowledged(String position, long ackNanos) {
        if (position == null || position.indexOf(':') < 0) {
            return false;
        }
        int colon = position.indexOf(':');
        arrivals.add(new Pending(Integer.parseInt(position.substring(0, colon).trim()),
                Long.parseLong(position.substring(colon + 1).trim()), ackNanos));
        return true;
    }

    /** Polls until {@code loadDone} and then until everything is resolved or {@code graceNanos} pass. */
    public Latency watch(java.util.function.BooleanSupplier loadDone, long graceNanos) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement offsets = db.prepareStatement(
                     "select partition_no, next_offset from projection_offset where topic = ?")) {
            offsets.setString(1, topic);
            long giveUpAt = Long.MAX_VALUE;
            while (true) {
                long polledAt = System.nanoTime();
                poll(offsets, polledAt);
                if (giveUpAt == Long.MAX_VALUE && loadDone.getAsBoolean()) {
                    giveUpAt = polledAt + graceNanos;
                }
                if (giveUpAt != Long.MAX_VALUE && (nothingWaiting() || polledAt > giveUpAt)) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(pollNanos - (System.nanoTime() - polledAt));
            }
        }
        waiting.values().forEach(queue -> unresolved += queue.size());
        return Latency.ofMicros(lagMicros);
    }

    /** Writes never seen within the grace period: the report says so instead of dropping them. */
    public long unresolved() {
        return unresolved + arrivals.size();
    }

    private void poll(PreparedStatement offsets, long polledAt) throws SQLException {
        for (Pending p; (p = arrivals.poll()) != null; ) {
            waiting.computeIfAbsent(p.partition(), k -> new PriorityQueue<>(
                    (a, b) -> Long.compare(a.offset(), b.offset()))).add(p);
        }
        try (ResultSet rows = offsets.executeQuery()) {
            while (rows.next()) {
                PriorityQueue<Pending> queue = waiting.get(rows.getInt(1));
                long next = rows.getLong(2);
                while (queue != null && !queue.isEmpty() && queue.peek().offset() < next) {
                    long lag = polledAt - queue.poll().ackNanos();
                    lagMicros.recordValue(Math.max(1, lag / 1000));
                }
            }
        }
    }

    private boolean nothingWaiting() {
        return arrivals.isEmpty() && waiting.values().stream().allMatch(PriorityQueue::isEmpty);
    }
}
