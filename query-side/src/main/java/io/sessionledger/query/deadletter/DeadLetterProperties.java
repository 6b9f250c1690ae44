package io.sessionledger.query.deadletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.dead-letters.*}: where the records the projection cannot apply go, and how they come back.
 *
 * @param topic          the dead-letter topic ({@code LEDGER_DEAD_LETTER_TOPIC}); created with unlimited retention
 *                       when missing, since a dead letter must outlive any wait for a newer query side
 * @param sendTimeout    how long a batch waits for the broker's acknowledgement of its dead letters before it
 *                       fails (and is read again)
 * @param replayInterval how often waiting dead letters are tried again by themselves
 *                       ({@code LEDGER_DEAD_LETTER_REPLAY_INTERVAL}; 0 turns that off, leaving the admin endpoint)
 */
@ConfigurationProperties("ledger.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("session-events.dlq") String topic,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("1m") Duration replayInterval) {
}
