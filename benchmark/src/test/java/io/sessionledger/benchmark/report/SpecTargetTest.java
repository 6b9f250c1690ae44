package io.sessionledger.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.load.Latency;
import org.junit.jupiter.api.Test;

class SpecTargetTest {

    @Test
    void aP99UnderTheTargetIsMetAndOneAtOrOverItMissed() {
        assertThat(SpecTarget.GET_BY_ID.judge(new Latency(100, 1, 2, 4.9, 9, 1)))
                .isEqualTo("SPEC 8 target p99 < 5 ms (get by id, 1,000,000 stored): met");
        assertThat(SpecTarget.FILTERED_PAGE.judge(new Latency(100, 1, 2, 10, 30, 1))).endsWith(": missed");
    }

    @Test
    void aPhaseWithoutSuccessesIsNotJudged() {
        assertThat(SpecTarget.GET_BY_ID.judge(Latency.NONE)).endsWith("no successful request to judge");
    }
}
