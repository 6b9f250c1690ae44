package io.sessionledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FetchedEndsTest {

    private final AtomicLong fetchResponses = new AtomicLong();
    private final FetchedEnds ends = new FetchedEnds();

    FetchedEndsTest() {
        ends.counting(fetchResponses::get);
    }

    @Test
    void aReadIsAnsweredOnlyByTheSecondFetchResponseAfterItBeganNeverByWhatWasKnownBefore() {
        fetchResponses.set(10);
        ends.published(10, 0, Map.of(0, 5L));
        long mark = ends.mark();

        CompletableFuture<Map<Integer, Long>> known = ends.endsAfter(mark);
        assertThat(known).as("what the last fetch said may predate a write acknowledged since").isNotDone();

        // The response in flight when the read began may have been built before it.
        ends.published(11, 0, Map.of(0, 6L));
        assertThat(known).isNotDone();

        // The next one was sent after that one came back: after the read began.
        ends.published(12, 0, Map.of(0, 7L));
        assertThat(known).isCompletedWithValue(Map.of(0, 7L));
        assertThat(ends.endsAfter(mark)).as("later reads of the same moment").isCompletedWithValue(Map.of(0, 7L));
        assertThat(ends.waiting()).isZero();
    }

    @Test
    void responsesBeforeARestartDoNotCount() {
        long mark = ends.mark();
        CompletableFuture<Map<Integer, Long>> known = ends.endsAfter(mark);

        // A poll stopped at its record limit after response 5: the fetch it sent may have left partitions out.
        ends.published(6, 5, Map.of(0, 9L));
        assertThat(known).isNotDone();
        ends.published(7, 5, Map.of(0, 9L));
        assertThat(known).isCompletedWithValue(Map.of(0, 9L));
    }

    @Test
    void withoutAConsumerEveryReadIsToldToAskTheBroker() {
        CompletableFuture<Map<Integer, Long>> waiting = ends.endsAfter(ends.mark());
        ends.counting(null);

        assertThat(waiting).isCompletedWithValue(Map.of());
        assertThat(ends.endsAfter(ends.mark())).isCompletedWithValue(Map.of());
    }
}
