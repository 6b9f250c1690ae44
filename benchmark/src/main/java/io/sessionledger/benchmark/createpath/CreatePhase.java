package io.sessionledger.benchmark.createpath;

import io.sessionledger.benchmark.cpu.CpuUse;

/**
 * One closed-loop create phase with what it cost, of the ledger or of the naive peer.
 *
 * @param system    {@code ledger} or {@code naive peer}
 * @param database  database commits and tuples per acknowledged create (null when not read)
 * @param cpu       CPU per acknowledged create: the machine's and the load generator's (null when not read)
 */
public record CreatePhase(String system, String scenario, int concurrency, long creates, double perSecond,
                          double p99Ms, DbCounters.PerCreate database, CpuUse.PerOperation cpu) {

    public static final String LEDGER = "ledger";
    public static final String PEER = "naive peer";
}
