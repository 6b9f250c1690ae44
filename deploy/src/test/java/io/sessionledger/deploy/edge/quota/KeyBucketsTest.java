package io.sessionledger.deploy.edge.quota;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeyBucketsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advanceMillis(long millis) {
            nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aKeyMaySpendOneSecondsWorthAtOnceThenWaitsForTheRefill() {
        KeyBuckets buckets = new KeyBuckets(1, clock);
        KeyQuota quota = new KeyQuota("k-1", 2);

        assertThat(buckets.tryConsume(quota).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(quota).isConsumed()).isTrue();
        ConsumptionProbe refused = buckets.tryConsume(quota);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getNanosToWaitForRefill()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));

        clock.advanceMillis(500);
        assertThat(buckets.tryConsume(quota).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(quota).isConsumed()).isFalse();
    }

    @Test
    void withSeveralEdgesEachRefillsItsShareOfTheRate() {
        KeyBuckets buckets = new KeyBuckets(4, clock);
        KeyQuota quota = new KeyQuota("k-1", 8);
        for (int i = 0; i < 8; i++) {
            assertThat(buckets.tryConsume(quota).isConsumed()).as("burst token %d", i).isTrue();
        }

        clock.advanceMillis(1000);
        int refilled = 0;
        while (buckets.tryConsume(quota).isConsumed()) {
            refilled++;
        }
        assertThat(refilled).isEqualTo(2); // 8 per second shared by 4 edges
    }

    @Test
    void keysHaveTheirOwnBucketsAndANewRateStartsANewOne() {
        KeyBuckets buckets = new KeyBuckets(1, clock);
        assertThat(buckets.tryConsume(new KeyQuota("k-1", 1)).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(new KeyQuota("k-1", 1)).isConsumed()).isFalse();

        assertThat(buckets.tryConsume(new KeyQuota("k-2", 1)).isConsumed()).isTrue();
        assertThat(buckets.tryConsume(new KeyQuota("k-1", 5)).isConsumed()).isTrue();
    }
}
