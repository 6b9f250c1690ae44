package io.sessionledger.deploy.edge.quota;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyQuotaCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final KeyQuotaCache cache = new KeyQuotaCache(3, now::get);

    @Test
    void validKeysAreRememberedThirtySecondsAndInvalidOnesTwo() {
        String valid = KeyQuotaCache.digest("sl_valid");
        String invalid = KeyQuotaCache.digest("sl_invalid");
        cache.put(valid, new KeyQuota("k-1", 5), Quotas.VALID_TTL_NANOS);
        cache.put(invalid, KeyQuota.UNLIMITED, Quotas.INVALID_TTL_NANOS);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1999));
        assertThat(cache.get(invalid)).isEqualTo(KeyQuota.UNLIMITED);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(cache.get(invalid)).isNull();
        assertThat(cache.get(valid)).isEqualTo(new KeyQuota("k-1", 5));

        now.addAndGet(TimeUnit.SECONDS.toNanos(28));
        assertThat(cache.get(valid)).isNull();
    }

    @Test
    void keysAreFoundByTheirSha256AndNeverKept() {
        String digest = KeyQuotaCache.digest("sl_secret");

        assertThat(digest).hasSize(64).matches("[0-9a-f]+").doesNotContain("sl_secret");
        assertThat(digest).isEqualTo(KeyQuotaCache.digest("sl_secret")).isNotEqualTo(KeyQuotaCache.digest("sl_other"));
    }

    @Test
    void theCacheStaysWithinItsBoundExpiredEntriesFirst() {
        cache.put("a", KeyQuota.UNLIMITED, 10);
        cache.put("b", new KeyQuota("k-b", 1), Quotas.VALID_TTL_NANOS);
        cache.put("c", new KeyQuota("k-c", 1), Quotas.VALID_TTL_NANOS);
        now.addAndGet(10);

        cache.put("d", new KeyQuota("k-d", 1), Quotas.VALID_TTL_NANOS);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.get("d")).isNotNull();

        for (int i = 0; i < 10; i++) {
            cache.put("flood-" + i, KeyQuota.UNLIMITED, Quotas.VALID_TTL_NANOS);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
