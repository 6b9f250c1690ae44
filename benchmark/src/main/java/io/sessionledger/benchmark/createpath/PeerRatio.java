package io.sessionledger.benchmark.createpath;

import java.util.List;
import java.util.Optional;

/**
 * A ledger create figure beside the naive peer's at the same number of clients: throughput ratio above 1 is faster
 * than the peer, p99 ratio above 1 slower. Both null ("n/a") when the peer was not measured.
 */
public record PeerRatio(String scenario, String mode, int concurrency, double ledgerPerSecond, Double peerPerSecond,
                        Double throughputRatio, Double p99Ratio) {

    /** Every ledger phase against the peer's phase at the same concurrency, when there is one. */
    public static List<PeerRatio> of(List<CreatePhase> phases) {
        return phases.stream().filter(phase -> CreatePhase.LEDGER.equals(phase.system()))
                .map(ledger -> peerAt(phases, ledger.concurrency())
                        .map(peer -> new PeerRatio(ledger.scenario(), "closed", ledger.concurrency(),
                                ledger.perSecond(), peer.perSecond(), ratio(ledger.perSecond(), peer.perSecond()),
                                ratio(ledger.p99Ms(), peer.p99Ms())))
                        .orElse(new PeerRatio(ledger.scenario(), "closed", ledger.concurrency(), ledger.perSecond(),
                                null, null, null)))
                .toList();
    }

    /** The first-minute figures as one more ratio row. */
    public static PeerRatio firstMinute(FirstMinuteFigures ledger, FirstMinuteFigures peerOrNull) {
        if (peerOrNull == null) {
            return new PeerRatio(ledger.scenario(), FirstMinuteFigures.MODE, 1, ledger.perSecond(), null, null, null);
        }
        return new PeerRatio(ledger.scenario(), FirstMinuteFigures.MODE, 1, ledger.perSecond(), peerOrNull.perSecond(),
                ratio(ledger.perSecond(), peerOrNull.perSecond()), ratio(ledger.p99Ms(), peerOrNull.p99Ms()));
    }

    private static Optional<CreatePhase> peerAt(List<CreatePhase> phases, int concurrency) {
        return phases.stream().filter(phase -> CreatePhase.PEER.equals(phase.system())
                && phase.concurrency() == concurrency).findFirst();
    }

    static Double ratio(double value, double reference) {
        return reference > 0 ? value / reference : null;
    }
}
