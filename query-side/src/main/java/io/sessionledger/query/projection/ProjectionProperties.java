package io.sessionledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ledger.projection.*}: how the Kafka consumer behind the read model runs. */
@ConfigurationProperties("ledger.projection")
public record ProjectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("ledger-query-side") String groupId,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("200ms") Duration pollTimeout,
        @DefaultValue("5s") Duration maxRetryBackoff) {
}
