package io.sessionledger.query.deadletter;

/**
 * The Kafka headers a dead letter carries beside the original record's own (key and value are the original's).
 * Values are UTF-8 text, so that any console consumer shows them.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "ledger-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "ledger-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "ledger-dlq-original-offset";
    /** {@code unknown-type}, {@code malformed}, {@code empty}, {@code orphan} or {@code behind-dead-letter} */
    public static final String REASON = "ledger-dlq-reason";
    public static final String DETAIL = "ledger-dlq-detail";
    /** The CloudEvent type, when the envelope could be read. */
    public static final String EVENT_TYPE = "ledger-dlq-event-type";
    /** When it was dead-lettered, ISO-8601. */
    public static final String TIME = "ledger-dlq-time";

    private DeadLetterHeaders() {
    }
}
