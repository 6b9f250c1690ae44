package io.sessionledger.query.projection;

import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record the projection cannot apply, and why. It is never skipped: it goes to the dead-letter topic, and is
 * replayed from there once the query side can apply it.
 *
 * @param key       the session's aggregate id: the event's, or else the record's Kafka key (null without one)
 * @param eventType the CloudEvent type when the envelope could be read, else null
 * @param detail    why, in words, for the dead-letter headers and the log
 */
public record Unapplied(ConsumerRecord<byte[], byte[]> record, String key, Reason reason, String eventType,
                        String detail) {

    private static final int MAX_DETAIL = 500;

    public enum Reason {
        /** A type this version does not know: a newer producer's event (a rolling upgrade). */
        UNKNOWN_TYPE("unknown-type"),
        /** Not a CloudEvent this version can read. */
        MALFORMED("malformed"),
        /** No value at all. */
        EMPTY("empty"),
        /** An event of a session the read model does not hold: its creation is missing, or comes later. */
        ORPHAN("orphan"),
        /** Applicable, but an earlier event of its session is dead-lettered: applying it now would reorder them. */
        BEHIND_DEAD_LETTER("behind-dead-letter");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Why a record did not decode into an event this version can apply; runs only for such (rare) records. */
    static Unapplied undecoded(ConsumerRecord<byte[], byte[]> record, CloudEventCodec codec) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            return new Unapplied(record, key, Reason.EMPTY, null, "the record has no value");
        }
        CloudEvent envelope;
        try {
            envelope = codec.read(record.value());
        } catch (RuntimeException e) {
            return new Unapplied(record, key, Reason.MALFORMED, null, "not a CloudEvent: " + brief(e));
        }
        try {
            if (codec.payload(envelope).isEmpty()) {
                return new Unapplied(record, key, Reason.UNKNOWN_TYPE, envelope.type(),
                        "this version of the query side does not know the event type " + envelope.type());
            }
            return new Unapplied(record, key, Reason.MALFORMED, envelope.type(), "the event could not be decoded");
        } catch (RuntimeException e) {
            return new Unapplied(record, key, Reason.MALFORMED, envelope.type(), "unreadable data: " + brief(e));
        }
    }

    static Unapplied orphan(ProjectionTransaction.Decoded decoded) {
        return new Unapplied(decoded.record(), decoded.aggregateId(), Reason.ORPHAN, decoded.envelope().type(),
                "session " + decoded.aggregateId() + " is not in the read model (its creation is missing or later)");
    }

    static Unapplied behindDeadLetter(ProjectionTransaction.Decoded decoded) {
        return new Unapplied(decoded.record(), decoded.aggregateId(), Reason.BEHIND_DEAD_LETTER, decoded.envelope().type(),
                "an earlier event of session " + decoded.aggregateId() + " waits in the dead-letter topic");
    }

    private static String brief(RuntimeException e) {
        String text = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
