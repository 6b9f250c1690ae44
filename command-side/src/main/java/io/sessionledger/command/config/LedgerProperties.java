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
        Consistency consistency,
        @DefaultValue Publishing publishing) {

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

    /**
     * How Kafka gets the events (docs/publishing.md): {@code direct}, from the write path once a group commit is
     * durable (off: the catch-up reader publishes everything, as before issue 11); {@code catchUpInterval}, how
     * often the catch-up reader looks in the store for what the write path did not publish (it is also woken when
     * the write path leaves something to it); {@code crashPoint}, for tests only (CrashPoints).
     */
    public record Publishing(@DefaultValue("true") boolean direct,
                             @DefaultValue("250ms") Duration catchUpInterval,
                             @DefaultValue("none") String crashPoint) {
    }
}
