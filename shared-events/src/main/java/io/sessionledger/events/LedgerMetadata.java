package io.sessionledger.events;

/**
 * Keys of the metadata every stored event carries: who wrote it, through which API, in which request.
 * They travel as CloudEvents extension attributes on Kafka (lower-case names, see {@code CloudEvent}).
 */
public final class LedgerMetadata {

    public static final String TENANT_ID = "tenantId";
    public static final String API_KEY_ID = "apiKeyId";
    public static final String DIALECT = "dialect";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private LedgerMetadata() {
    }
}
