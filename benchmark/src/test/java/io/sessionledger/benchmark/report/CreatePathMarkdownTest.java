package io.sessionledger.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.createpath.CreatePathReport;
import io.sessionledger.benchmark.createpath.CreatePhase;
import io.sessionledger.benchmark.createpath.DbCounters;
import io.sessionledger.benchmark.createpath.FirstMinuteFigures;
import io.sessionledger.benchmark.createpath.PeerRatio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatePathMarkdownTest {

    private static final CreatePhase LEDGER = new CreatePhase(CreatePhase.LEDGER, "genesys.create", 16, 20_000, 1_000,
            30, new DbCounters(3_380, 0, 8_000, 800, 0, 8_000, 20_000, null).per(20_000),
            new CpuUse(20, 40, 4, null).per(20_000));

    @Test
    void withoutThePeerTheRatiosSayNotAvailable() {
        FirstMinuteFigures first = new FirstMinuteFigures("ledger", "genesys.create", 2000, 2000, 30.8, 65, 12, 40,
                Map.of());
        List<PeerRatio> ratios = new ArrayList<>(PeerRatio.of(List.of(LEDGER)));
        ratios.add(PeerRatio.firstMinute(first, null));

        String md = CreatePathMarkdown.render(new CreatePathReport("not measured: x is absent", "pg_stat_database",
                List.of(first), List.of(LEDGER), ratios));

        assertThat(md).contains("Naive peer (`../shared/peers/`): not measured: x is absent.");
        assertThat(md).contains("| genesys.create | closed | 16 | 1000 | n/a | n/a | n/a |");
        assertThat(md).contains("| genesys.create | first minute, no keep-alive | 1 | 65 | n/a | n/a | n/a |");
    }

    @Test
    void costsArePerCreateAndTheLoadGeneratorStandsBesideTheMachine() {
        String md = CreatePathMarkdown.render(new CreatePathReport("measured", "pg_stat_database", List.of(),
                List.of(LEDGER), PeerRatio.of(List.of(LEDGER))));

        assertThat(md).contains("| ledger | genesys.create | 16 | 20000 | 1000 | 30.0 | 0.17 | 0.00 | - | 0.40 | 0.04 "
                + "| 0.00 | 0.40 | 1.00 | 2.000 | 0.200 | 2.00 |");
    }
}
