package io.sessionledger.query.security;

import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.service.security.RevocationFeed;
import org.springframework.stereotype.Component;

/** The key revocations feed (service kit), dropping revoked keys from this query side's verifier. */
@Component
public class RevocationListener extends RevocationFeed {

    public RevocationListener(LedgerProperties ledger, ApiKeyProperties settings, ApiKeyVerifier verifier) {
        super(ledger.kafkaBootstrap(), settings.revocationsTopic(), "query-side-revocations", verifier);
    }
}
