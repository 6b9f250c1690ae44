package io.sessionledger.command.audit;

/**
 * Why verification failed, at the first event found wrong. Reasons: {@code altered} (content or hash no longer
 * match), {@code removed} (a hashed event is gone), {@code reordered} (an event sits at another place than it
 * was hashed at), {@code inserted} (an event that was never hashed), {@code log} (the Merkle log disagrees with
 * a signed checkpoint).
 */
public record Failure(String reason, String aggregateId, Long sequence, String eventId, Long position,
                      Long leafIndex, String detail) {

    public static Failure at(String reason, StoredEvent event, String detail) {
        return new Failure(reason, event.aggregateId(), event.sequence(), event.eventId(), event.position(),
                event.leafIndex(), detail);
    }
}
