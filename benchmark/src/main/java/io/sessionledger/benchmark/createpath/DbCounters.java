package io.sessionledger.benchmark.createpath;

/**
 * One database's cumulative counters from {@code pg_stat_database} (and the statement count from
 * {@code pg_stat_statements} when the server preloads it; else null), as read at one instant.
 */
public record DbCounters(long commits, long rollbacks, long inserted, long updated, long deleted, long fetched,
                         long returned, Long statements) {

    /** What happened between an earlier reading and this one. */
    public DbCounters since(DbCounters earlier) {
        return new DbCounters(commits - earlier.commits, rollbacks - earlier.rollbacks, inserted - earlier.inserted,
                updated - earlier.updated, deleted - earlier.deleted, fetched - earlier.fetched,
                returned - earlier.returned,
                statements == null || earlier.statements == null ? null : statements - earlier.statements);
    }

    /** These counts (a delta) divided by the creates acknowledged in the same window. */
    public PerCreate per(long creates) {
        double n = creates;
        return creates <= 0 ? null : new PerCreate(creates, commits / n, rollbacks / n, inserted / n, updated / n,
                deleted / n, fetched / n, returned / n, statements == null ? null : statements / n);
    }

    /** Per acknowledged create; {@code statements} null when pg_stat_statements is not loaded. */
    public record PerCreate(long creates, double commits, double rollbacks, double inserted, double updated,
                            double deleted, double fetched, double returned, Double statements) {
    }
}
