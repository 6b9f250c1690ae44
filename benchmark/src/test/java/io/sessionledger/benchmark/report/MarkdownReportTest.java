package io.sessionledger.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.load.Latency;
import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final ReferenceResult REF = new ReferenceResult(16, 20, 80000, 4000, new Latency(1, 2, 5, 8, 20, 3));

    @Test
    void everyFigureStandsNextToItsRatioAndErrorsAreHighlighted() {
        Row creates = new Row("genesys.create", "closed", 16, 2000.0, new Latency(1, 4, 9, 16, 30, 5),
                Map.of("503", 3L), Comparison.of(2000.0, new Latency(1, 4, 9, 16, 30, 5), 16, List.of(REF)).get(),
                null);
        String md = MarkdownReport.render(results(creates));

        assertThat(md).contains("| genesys.create | closed | 16 | 2000 | 0.50x | 4.00 | 9.00 | 16.0 | 2.00x | 30.0 "
                + "| **503: 3** |");
        assertThat(md).contains("| 16 | 20 | 80000 | 4000 | 2.00 | 5.00 | 8.00 | 20.0 |");
    }

    @Test
    void aRateWithoutLatencyShowsDashes() {
        Row rebuild = new Row("topic-read", "9,000 events in 0.2 s", 0, 45000.0, null, Map.of(), null, "absent");

        assertThat(MarkdownReport.render(results(rebuild)))
                .contains("| topic-read | 9,000 events in 0.2 s | - | 45000 | - | - | - | - | - | - | 0 | absent |");
    }

    @Test
    void thePlotHasOneSeriesPerClosedLoopScenarioAndTheReference() {
        Row creates = new Row("genesys.create", "closed", 16, 2000.0, new Latency(1, 4, 9, 16, 30, 5), Map.of(),
                null, null);
        Row lag = new Row("write->readable lag", "open 1000/s", 0, null, new Latency(1, 4, 9, 16, 30, 5), Map.of(),
                null, null);

        assertThat(PlotHtml.series(results(creates, lag))).containsOnlyKeys("genesys.create", "pgbench reference");
        assertThat(PlotHtml.render(results(creates, lag))).contains("<svg").contains("stroke-dasharray");
    }

    @Test
    void theAuditCostsSayWhatShareOfACreateHashingAndSealingTake() {
        AuditCosts costs = AuditCosts.of(Map.of("before", 1.0, "writePath", 21.0), 20.0, 1000,
                new CpuUse.PerOperation(500, 2.5, 0.5, 1.0, 1.9), "genesys.create at 16 clients", 450.0);
        Results results = new Results("20250101-000000", "http://127.0.0.1:8080", Map.of(), List.of(REF), List.of(),
                List.of(), null, costs);

        assertThat(MarkdownReport.render(results))
                .contains("| hashing and sealing added per create | 20.0 µs |  |")
                .contains("| share of a create's CPU (machine less load generator) | 1.0% | < 10%: met |")
                .contains("| share of a create's CPU (the system's own processes) | 2.0% | < 10%: met |");
    }

    private static Results results(Row... rows) {
        return new Results("20250101-000000", "http://127.0.0.1:8080", Map.of(), List.of(REF), List.of(rows),
                List.of(), null, null);
    }
}
