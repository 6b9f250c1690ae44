package io.sessionledger.events;

/** The Kafka topic contract. Record key: {@link SessionRef#aggregateId()}; value: a {@code CloudEvent}. */
public final class LedgerTopics {

    public static final String SESSION_EVENTS = "session-events";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private LedgerTopics() {
    }
}
