package io.sessionledger.command.audit;

import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events an export holds, read from the store with their hash rows in pages (a session's by keyset, a
 * tenant's by windows of the log; never the whole export in memory), in leaf order, only those inside the
 * checkpoint's tree ({@code leafIndex < treeSize}): a session's events enter the log in sequence order, so those
 * left out are the session's latest, never a gap.
 */
@Component
public class ExportSource {

    public interface Sink {
        void accept(StoredEvent event) throws IOException;
    }

    private static final int PAGE = 500;
    private static final int WINDOW = 2_000;
    private static final String BY_LEAF = " from event_hash h join domain_event_entry e on e.global_index = h.global_index";

    private final JdbcTemplate jdbc;

    public ExportSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of events given to the sink */
    public long session(String aggregateId, long treeSize, Sink sink) throws IOException {
        return pages(after -> jdbc.query("select " + StoredEvent.COLUMNS + BY_LEAF + " where h.aggregate_id = ? "
                + "and h.leaf_index > ? and h.leaf_index < ? order by h.leaf_index limit ?", StoredEvent::read,
                aggregateId, after, treeSize, PAGE), sink);
    }

    /**
     * Every session of the tenant, interleaved as the log holds them: the log read in windows of {@value #WINDOW}
     * leaves, each whole. (A keyset page with a limit was planned, on statistics that did not yet know the table's
     * size, as a scan and sort of every remaining leaf: each page then cost as much as the rest of the export.)
     */
    public long tenant(String tenantId, long treeSize, Sink sink) throws IOException {
        // Tenant ids may hold '_', a LIKE wildcard: escaped with '!', which a tenant id cannot hold.
        String prefix = tenantId.replace("_", "!_") + ":%";
        long count = 0;
        for (long from = 0; from < treeSize; from += WINDOW) {
            List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + BY_LEAF + " where h.aggregate_id "
                    + "like ? escape '!' and h.leaf_index >= ? and h.leaf_index < ? order by h.leaf_index",
                    StoredEvent::read, prefix, from, Math.min(from + WINDOW, treeSize));
            for (StoredEvent event : events) {
                sink.accept(event);
                count++;
            }
        }
        return count;
    }

    private interface Page {
        List<StoredEvent> after(long leafIndex);
    }

    private static long pages(Page page, Sink sink) throws IOException {
        long after = -1;
        long count = 0;
        while (true) {
            List<StoredEvent> events = page.after(after);
            for (StoredEvent event : events) {
                sink.accept(event);
                count++;
                after = event.leafIndex();
            }
            if (events.size() < PAGE) {
                return count;
            }
        }
    }
}
