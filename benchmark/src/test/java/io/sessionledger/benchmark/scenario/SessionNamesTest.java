package io.sessionledger.benchmark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sessionledger.benchmark.bulk.BulkPlan;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SessionNamesTest {

    @Test
    void eachFilterMatchesOneNameInTen() {
        for (int bucket = 0; bucket < SessionNames.BUCKETS; bucket++) {
            Pattern filter = Pattern.compile(SessionNames.filter(bucket));

            assertThat(share(filter, LongStream.rangeClosed(1, 100_000))).isCloseTo(0.1, within(0.005));
        }
    }

    @Test
    void aKeyOrderedScanOfOneBulkAgentFindsTheSameShare() {
        BulkPlan plan = BulkPlan.of(1_000_000);
        Pattern filter = Pattern.compile(SessionNames.filter(1));
        // Agent 7's rows in key order: n = 8, 108, 208, ...
        LongStream agentRows = LongStream.range(0, plan.sessionsPerAgent()).map(j -> 8 + j * plan.vectaraAgents());

        assertThat(share(filter, agentRows)).isCloseTo(0.1, within(0.02));
    }

    @Test
    void aFilterMatchesItsOwnDigitOnlyAndNeverADescription() {
        Pattern one = Pattern.compile(SessionNames.filter(1));

        for (long n = 1; n <= 10_000; n++) {
            String name = SessionNames.name(n);
            assertThat(one.matcher(name).find()).isEqualTo(name.startsWith("bench-1-"));
            assertThat(one.matcher(SessionNames.description(n)).find()).isFalse();
        }
    }

    @Test
    void consecutiveNumbersDoNotShareOneDigit() {
        assertThat(LongStream.rangeClosed(1, 20).mapToInt(SessionNames::bucket).distinct().count())
                .isGreaterThan(5);
    }

    private static double share(Pattern filter, LongStream numbers) {
        long[] all = numbers.toArray();
        long matched = java.util.Arrays.stream(all).filter(n -> filter.matcher(SessionNames.name(n)).find()).count();
        return (double) matched / all.length;
    }
}
