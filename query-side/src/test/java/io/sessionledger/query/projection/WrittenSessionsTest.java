package io.sessionledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenSessionsTest {

    @Test
    void neverForgetsAWrittenSessionAndRarelyClaimsOneItDidNotWrite() {
        WrittenSessions written = new WrittenSessions(100_000);
        for (int n = 0; n < 100_000; n++) {
            written.add("acme:fill-" + n);
        }

        for (int n = 0; n < 100_000; n++) {
            assertThat(written.mayHold("acme:fill-" + n)).isTrue();
        }
        long claimed = 0;
        for (int n = 100_000; n < 200_000; n++) {
            claimed += written.mayHold("acme:fill-" + n) ? 1 : 0;
        }
        assertThat(claimed).as("looked up for nothing, of 100,000").isLessThan(3_000);
    }

    @Test
    void moreSessionsThanExpectedCostLookupsNeverAMiss() {
        WrittenSessions written = new WrittenSessions(10);
        for (int n = 0; n < 50_000; n++) {
            written.add("t:" + n);
        }
        for (int n = 0; n < 50_000; n++) {
            assertThat(written.mayHold("t:" + n)).isTrue();
        }
    }
}
