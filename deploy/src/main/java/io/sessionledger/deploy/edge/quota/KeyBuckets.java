package io.sessionledger.deploy.edge.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key id: capacity = the key's rate (one second's burst), refilled greedily at
 * rate / edge instances per second, so N edges behind one load balancer together allow the key's rate
 * (deploy/README.md). Buckets are per key id, which only issued keys have, so their number stays small.
 */
final class KeyBuckets {

    private record RatedBucket(long requestsPerSecond, Bucket bucket) {
    }

    private final int edgeInstances;
    private final TimeMeter clock;
    private final Map<String, RatedBucket> buckets = new ConcurrentHashMap<>();

    KeyBuckets(int edgeInstances, TimeMeter clock) {
        if (edgeInstances < 1) {
            throw new IllegalArgumentException("edge instances must be at least 1, not " + edgeInstances);
        }
        this.edgeInstances = edgeInstances;
        this.clock = clock;
    }

    /** Takes one token of the key's bucket; the probe says whether it got one, and if not how long to wait. */
    ConsumptionProbe tryConsume(KeyQuota quota) {
        RatedBucket current = buckets.get(quota.keyId());
        if (current == null || current.requestsPerSecond() != quota.requestsPerSecond()) {
            // A new or changed rate starts a fresh bucket.
            long rate = quota.requestsPerSecond();
            current = buckets.compute(quota.keyId(),
                    (id, old) -> old != null && old.requestsPerSecond() == rate ? old : newBucket(rate));
        }
        return current.bucket().tryConsumeAndReturnRemaining(1);
    }

    private RatedBucket newBucket(long perSecond) {
        // rate tokens every N seconds = rate / N per second, without rounding a small rate down to zero.
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(edgeInstances)))
                .withCustomTimePrecision(clock)
                .build();
        return new RatedBucket(perSecond, bucket);
    }
}
