package io.sessionledger.command.security;

import io.sessionledger.command.config.LedgerProperties;
import io.sessionledger.service.security.RevocationFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command-side instance reads the revocations topic too: a key revoked through another instance must stop
 * working here at once, not when this instance's cache would let it go (docs/multi-instance.md).
 */
@Configuration
public class RevocationFeedConfig {

    @Bean
    public RevocationFeed revocationFeed(LedgerProperties properties, ApiKeys keys) {
        return new RevocationFeed(properties.kafka().bootstrapServers(), properties.kafka().revocationsTopic(),
                "command-side-revocations", keys);
    }
}
