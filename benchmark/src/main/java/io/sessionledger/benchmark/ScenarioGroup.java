package io.sessionledger.benchmark;

import io.sessionledger.benchmark.Settings.Part;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.KoreScenarios;
import io.sessionledger.benchmark.scenario.Scenario;
import io.sessionledger.benchmark.scenario.VectaraScenarios;
import java.util.List;

/**
 * The closed-loop scenarios one {@code --only} name selects: {@code swept} at each create concurrency,
 * {@code atReadConcurrency} once. A new API joins the run as one more group here.
 */
record ScenarioGroup(Part part, List<Scenario> swept, List<Scenario> atReadConcurrency) {

    /** In the order they run. */
    static List<ScenarioGroup> all() {
        return List.of(
                new ScenarioGroup(Part.creates, List.of(GenesysScenarios.create()), List.of()),
                new ScenarioGroup(Part.reads, List.of(),
                        List.of(GenesysScenarios.get(), GenesysScenarios.getEventual(), GenesysScenarios.associate())),
                new ScenarioGroup(Part.kore, List.of(KoreScenarios.create()),
                        List.of(KoreScenarios.listByUser(), KoreScenarios.listFirstPage())),
                new ScenarioGroup(Part.vectara, List.of(VectaraScenarios.create()),
                        List.of(VectaraScenarios.get(), VectaraScenarios.patch(), VectaraScenarios.listFiltered())));
    }
}
