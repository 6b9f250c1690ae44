package io.sessionledger.benchmark.createpath;

import java.util.List;

/**
 * The create path's costs and the naive peer beside it (issue 11, points 2 and 6).
 *
 * @param peer           "measured" or why the peer was not (its ratios are then null, "n/a")
 * @param database       which database's counters the ledger's figures are, and how statements were counted
 * @param firstMinute    the first-minute test of the ledger, then of the peer when measured
 * @param phases         the closed-loop create phases of both systems with their costs per create
 * @param ratios         every ledger create figure as a ratio to the peer's
 */
public record CreatePathReport(String peer, String database, List<FirstMinuteFigures> firstMinute,
                               List<CreatePhase> phases, List<PeerRatio> ratios) {
}
