package io.sessionledger.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.projection.*}: how the Kafka consumer behind the read model runs.
 *
 * @param maxPollRecords a poll returns what is there, up to this: live it is a handful, catching up (a
 *                       rebuild) it is this many, folded into one row per session and one transaction
 * @param bulkThreshold  a batch touching at least this many sessions is written with COPY on PostgreSQL
 * @param sessionTimeout an instance that stops heartbeating (killed) loses its partitions to the others after this
 * @param metadataMaxAge partitions added to the topic are noticed, and projected, within about this
 */
@ConfigurationProperties("ledger.projection")
public record ProjectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("ledger-query-side") String groupId,
        @DefaultValue("20000") int maxPollRecords,
        @DefaultValue("200ms") Duration pollTimeout,
        @DefaultValue("5s") Duration maxRetryBackoff,
        @DefaultValue("500") int bulkThreshold,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("30s") Duration metadataMaxAge) {
}
