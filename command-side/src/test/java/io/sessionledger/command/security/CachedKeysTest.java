package io.sessionledger.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.service.security.Principal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedKeysTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final CachedKeys keys = new CachedKeys(Duration.ofSeconds(30), 100, now::get);

    @Test
    void aKeyIsRememberedForItsTimeToLiveOnlySoARevocationThatNeverArrivedStillTakesEffect() {
        keys.put("hash-1", principal("k-1"), keys.stamp());
        now.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertThat(keys.get("hash-1")).isPresent();

        now.addAndGet(1);

        assertThat(keys.get("hash-1")).isEmpty();
    }

    @Test
    void aRevocationDropsEveryAnswerOfItsKeyAndNoOther() {
        keys.put("hash-1", principal("k-1"), keys.stamp());
        keys.put("hash-2", principal("k-2"), keys.stamp());

        keys.evict("k-1");

        assertThat(keys.get("hash-1")).isEmpty();
        assertThat(keys.get("hash-2")).isPresent();
    }

    @Test
    void aLookupThatRacedARevocationIsNotCached() {
        long stamp = keys.stamp(); // the lookup starts reading the database
        keys.evict("k-1");          // meanwhile the key is revoked (here or on another instance)

        keys.put("hash-1", principal("k-1"), stamp);

        assertThat(keys.get("hash-1")).isEmpty();
    }

    private static Principal principal(String keyId) {
        return new Principal(keyId, "acme", "test", Set.of("sessions"), null, null, null);
    }
}
