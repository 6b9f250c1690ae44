package io.sessionledger.benchmark.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkPlanTest {

    @Test
    void aMillionIsSpreadOverTheThreeDialects() {
        BulkPlan plan = BulkPlan.of(1_000_000);

        assertThat(plan.vectaraAgents()).isEqualTo(100);
        assertThat(plan.sessionsPerAgent()).isEqualTo(3_000);
        assertThat(plan.kore()).isEqualTo(333_333);
        assertThat(plan.koreUsers()).isEqualTo(83_333);
        assertThat(plan.genesys()).isEqualTo(366_667);
        assertThat(plan.genesys() + plan.kore() + plan.vectara()).isEqualTo(1_000_000);
        assertThat(plan.label()).isEqualTo("1M");
    }

    @Test
    void smallLoadsStillAddUpAndKeepEveryDialect() {
        for (int total : new int[] {1, 7, 10, 999, 12_345}) {
            BulkPlan plan = BulkPlan.of(total);

            assertThat(plan.genesys() + plan.kore() + plan.vectara()).isEqualTo(total);
            assertThat(plan.koreUsers()).isPositive();
            assertThat(plan.vectaraAgents()).isPositive();
            assertThat(plan.label()).isEqualTo(Integer.toString(total));
        }
    }

    @Test
    void rowsAreDealtToTheAgentsInTurnWithKeysInRowOrder() {
        BulkPlan plan = BulkPlan.of(1_000_000);
        Set<String> agentsOfTheFirstHundred = new HashSet<>();
        for (long n = 1; n <= 100; n++) {
            agentsOfTheFirstHundred.add(plan.agentOf(n));
        }

        assertThat(agentsOfTheFirstHundred).containsExactlyInAnyOrderElementsOf(plan.agents());
        assertThat(plan.agentOf(1)).isEqualTo(plan.agentOf(101)).isEqualTo("bench-bulk-000");
        assertThat(BulkPlan.vectaraKey(99)).isLessThan(BulkPlan.vectaraKey(100));
        assertThat(plan.userOf(1)).isEqualTo(plan.userOf(1 + plan.koreUsers()));
    }
}
