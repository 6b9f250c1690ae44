package io.sessionledger.benchmark.createpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerRatioTest {

    private static CreatePhase phase(String system, String scenario, int clients, double perSecond, double p99) {
        return new CreatePhase(system, scenario, clients, (long) perSecond * 20, perSecond, p99, null, null);
    }

    @Test
    void everyLedgerCreateIsComparedWithThePeerAtTheSameNumberOfClients() {
        List<PeerRatio> ratios = PeerRatio.of(List.of(
                phase(CreatePhase.LEDGER, "genesys.create", 16, 1_000, 30),
                phase(CreatePhase.LEDGER, "kore.create", 16, 900, 40),
                phase(CreatePhase.LEDGER, "genesys.create", 1, 300, 6),
                phase(CreatePhase.PEER, "peer.create", 1, 150, 3),
                phase(CreatePhase.PEER, "peer.create", 16, 500, 60)));

        assertThat(ratios).hasSize(3);
        assertThat(ratios.get(0).peerPerSecond()).isEqualTo(500.0);
        assertThat(ratios.get(0).throughputRatio()).isCloseTo(2.0, within(1e-9));
        assertThat(ratios.get(0).p99Ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(ratios.get(1).throughputRatio()).isCloseTo(1.8, within(1e-9));
        assertThat(ratios.get(2).throughputRatio()).isCloseTo(2.0, within(1e-9));
        assertThat(ratios.get(2).p99Ratio()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void withoutThePeerEveryRatioIsUnknown() {
        List<PeerRatio> ratios = PeerRatio.of(List.of(phase(CreatePhase.LEDGER, "genesys.create", 16, 1_000, 30)));

        assertThat(ratios).singleElement().satisfies(ratio -> {
            assertThat(ratio.peerPerSecond()).isNull();
            assertThat(ratio.throughputRatio()).isNull();
            assertThat(ratio.p99Ratio()).isNull();
        });
    }

    @Test
    void theFirstMinutesAreComparedWhenBothWereMeasured() {
        FirstMinuteFigures ledger = new FirstMinuteFigures("ledger", "genesys.create", 2000, 2000, 30.77, 65, 12, 40,
                Map.of());
        FirstMinuteFigures peer = new FirstMinuteFigures("naive peer", "peer.create", 2000, 2000, 16.4, 122, 6, 20,
                Map.of());

        assertThat(PeerRatio.firstMinute(ledger, peer).throughputRatio()).isCloseTo(65 / 122.0, within(1e-9));
        assertThat(PeerRatio.firstMinute(ledger, peer).p99Ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(PeerRatio.firstMinute(ledger, null).throughputRatio()).isNull();
    }
}
