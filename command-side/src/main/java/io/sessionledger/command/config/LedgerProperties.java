package io.sessionledger.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The command side's settings under {@code ledger.*} (the ones every service shares are in the service kit's
 * ServiceProperties); environment variables fill them (see the README).
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        Kafka kafka,
        Consistency consistency) {

    public record Kafka(
            @DefaultValue("127.0.0.1:9092") String bootstrapServers,
            @DefaultValue("session-events") String topic,
            @DefaultValue("0ms") Duration linger,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("ledger-key-revocations") String revocationsTopic) {
    }

    /**
     * How long a write waits for Kafka to acknowledge its events before it answers anyway; how often an instance
     * whose writes another instance publishes looks at the shared record while some write waits; how often the
     * publisher's event store looks for events other instances committed.
     */
    public record Consistency(@DefaultValue("5s") Duration publishTimeout,
                              @DefaultValue("10ms") Duration publicationPollInterval,
                              @DefaultValue("50ms") Duration storePollInterval) {
    }
}
