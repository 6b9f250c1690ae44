package io.sessionledger.query.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.security.*}. A rejected key is remembered only briefly, so a key issued a moment ago works
 * on the very next read. A valid one is remembered for {@code validFor}, unless its revocation arrives on
 * {@code revocationsTopic} first (which is the normal case: validFor is the backstop when Kafka is down).
 */
@ConfigurationProperties("ledger.security")
public record ApiKeyProperties(
        @DefaultValue("30s") Duration validFor,
        @DefaultValue("2s") Duration invalidFor,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("2s") Duration lookupTimeout,
        @DefaultValue("ledger-key-revocations") String revocationsTopic) {
}
