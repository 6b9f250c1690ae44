package io.sessionledger.dialect;

import java.util.Map;
import java.util.TreeMap;

/**
 * Positions on the ledger topic, one per partition, as the edge and the query side pass them in headers
 * ({@code partition:offset,partition:offset}, each offset the highest one meant, inclusive): the read barrier
 * without a broker request per read (docs/decisions.md, "Read barrier from acknowledged positions").
 */
public final class LogPositions {

    /**
     * On a read the edge forwards: the highest offset per partition of every write acknowledged to a client before
     * the read reached the edge (a partition left out holds none). The query side waits for those and asks the
     * broker nothing.
     */
    public static final String READ_AFTER = "x-ledger-read-after";
    /**
     * On a read answer: the log's highest offset per partition the barrier learned for a read without
     * {@link #READ_AFTER}, at or past every write acknowledged before the read began (a partition left out holds
     * none). The edge seeds its positions from it.
     */
    public static final String LOG_ENDS = "x-ledger-log-ends";
    /** On a write answer (the command side's): where the write's last event sits, {@code partition:offset}. */
    public static final String WRITE_POSITION = "x-ledger-position";

    /** More partitions than any topic of the ledger has: a longer header is refused, not parsed. */
    private static final int MAX_PARTITIONS = 10_000;

    private LogPositions() {
    }

    /** {@code partition:offset,...} in partition order; offsets below 0 (nothing there) are left out. */
    public static String format(Map<Integer, Long> highest) {
        StringBuilder header = new StringBuilder();
        for (Map.Entry<Integer, Long> entry : new TreeMap<>(highest).entrySet()) {
            if (entry.getValue() < 0) {
                continue;
            }
            if (!header.isEmpty()) {
                header.append(',');
            }
            header.append(entry.getKey()).append(':').append(entry.getValue());
        }
        return header.toString();
    }

    /**
     * The positions in a header, the highest offset kept for a partition named twice; null when the header is
     * absent or malformed in any way (the reader then does as if it were absent).
     */
    public static Map<Integer, Long> parse(String header) {
        if (header == null) {
            return null;
        }
        Map<Integer, Long> positions = new TreeMap<>();
        if (header.isBlank()) {
            return positions;
        }
        String[] entries = header.split(",", -1);
        if (entries.length > MAX_PARTITIONS) {
            return null;
        }
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                return null;
            }
            try {
                int partition = Integer.parseInt(entry.substring(0, colon).trim());
                long offset = Long.parseLong(entry.substring(colon + 1).trim());
                if (partition < 0 || partition >= MAX_PARTITIONS || offset < 0) {
                    return null;
                }
                positions.merge(partition, offset, Math::max);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return positions;
    }
}
