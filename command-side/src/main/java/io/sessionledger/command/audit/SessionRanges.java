package io.sessionledger.command.audit;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the store's sessions into ranges of aggregate ids holding about as many events each, so that a
 * whole-ledger verification reads and checks them side by side: every session lies in exactly one range (the
 * bounds are compared by PostgreSQL, in the column's own collation, as the range queries compare them), and a
 * range read in id order keeps each session's events in sequence order. The bounds are quantiles of a sample of
 * the rows, taken and ordered by PostgreSQL (a Java sort could disagree with the collation); an even split does
 * not matter for correctness, only for how evenly the work is shared.
 */
final class SessionRanges {

    /** One range: ids from {@code from} (inclusive; null for the lowest) to {@code to} (exclusive; null for none). */
    record Range(int index, String from, String to) {

        String where() {
            return (from == null ? "true" : "e.aggregate_identifier >= ?") + " and "
                    + (to == null ? "true" : "e.aggregate_identifier < ?");
        }

        Object[] arguments() {
            List<Object> arguments = new ArrayList<>(2);
            if (from != null) {
                arguments.add(from);
            }
            if (to != null) {
                arguments.add(to);
            }
            return arguments.toArray();
        }
    }

    /** Rows sampled for the bounds: enough for even ranges, few enough to cost nothing beside the run. */
    private static final double SAMPLED_ROWS = 20_000;

    private SessionRanges() {
    }

    static List<Range> split(JdbcTemplate jdbc, int count) {
        List<String> bounds = count <= 1 ? List.of() : bounds(jdbc, count);
        List<Range> ranges = new ArrayList<>(bounds.size() + 1);
        String from = null;
        for (String bound : bounds) {
            ranges.add(new Range(ranges.size(), from, bound));
            from = bound;
        }
        ranges.add(new Range(ranges.size(), from, null));
        return ranges;
    }

    private static List<String> bounds(JdbcTemplate jdbc, int count) {
        Double rows = jdbc.queryForObject("select reltuples::float8 from pg_class where oid = 'domain_event_entry'::regclass",
                Double.class);
        // Statistics may be missing (never analyzed: -1) or stale: a small or unknown table is read whole.
        double percent = rows == null || rows < SAMPLED_ROWS * 5 ? 100 : Math.max(0.1, 100 * SAMPLED_ROWS / rows);
        StringBuilder fractions = new StringBuilder();
        for (int i = 1; i < count; i++) {
            fractions.append(i == 1 ? "" : ",").append((double) i / count);
        }
        String[] quantiles = jdbc.query("select percentile_disc(array[" + fractions + "]::float8[]) within group "
                + "(order by aggregate_identifier) from domain_event_entry tablesample system ("
                + String.format(Locale.ROOT, "%.4f", percent) + ")", row -> {
                    if (!row.next()) {
                        return new String[0];
                    }
                    Array array = row.getArray(1);
                    return array == null ? new String[0] : (String[]) array.getArray();
                });
        // Equal quantiles (a session bigger than a range) would make an empty range: kept once.
        List<String> bounds = new ArrayList<>();
        for (String quantile : quantiles == null ? new String[0] : quantiles) {
            if (quantile != null && (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(quantile))) {
                bounds.add(quantile);
            }
        }
        return bounds;
    }
}
