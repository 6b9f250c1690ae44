package io.sessionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.Settings.Part;
import io.sessionledger.benchmark.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScenarioGroupTest {

    @Test
    void eachDialectHasItsOwnOnlyNameAndScenarioNamesAreUnique() {
        List<String> names = new ArrayList<>();
        for (ScenarioGroup group : ScenarioGroup.all()) {
            Stream.concat(group.swept().stream(), group.atReadConcurrency().stream()).map(Scenario::name)
                    .forEach(names::add);
        }

        assertThat(ScenarioGroup.all()).extracting(ScenarioGroup::part)
                .containsExactly(Part.creates, Part.reads, Part.kore, Part.vectara);
        assertThat(names).doesNotHaveDuplicates().contains("kore.create", "kore.list.user", "kore.list",
                "vectara.create", "vectara.get", "vectara.patch", "vectara.list.filtered");
    }

    @Test
    void onlyAcceptsTheNewSectionsAndTheDefaultRunsThemAll() {
        BenchmarkMain main = new BenchmarkMain();
        new CommandLine(main).parseArgs("--only", "kore,vectara");

        assertThat(main.only).containsExactlyInAnyOrder(Part.kore, Part.vectara);
        assertThat(List.of(Part.values())).contains(Part.kore, Part.vectara, Part.bulk);
    }
}
