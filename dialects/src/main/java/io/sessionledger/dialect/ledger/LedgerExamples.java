package io.sessionledger.dialect.ledger;

/** Examples for the OpenAPI description of the ledger's admin API. */
public final class LedgerExamples {

    public static final String ISSUE_KEY = "{\"tenantId\":\"acme\",\"name\":\"contact centre\",\"scopes\":[\"sessions\"],"
            + "\"agents\":[\"support-bot\"],\"apps\":null,\"rateLimit\":{\"requestsPerSecond\":50}}";
    public static final String ISSUED_KEY = "{\"id\":\"k-0c7e4c1a-5b2f-4f0e-9a57-0d3c1b2a4e6f\","
            + "\"key\":\"sl_Zk9mT3h1cVd4R2JhN2x0QmZ6c0xHa3pQcU1yVnk\",\"tenantId\":\"acme\",\"name\":\"contact centre\","
            + "\"scopes\":[\"sessions\"],\"agents\":[\"support-bot\"],\"apps\":null,"
            + "\"rateLimit\":{\"requestsPerSecond\":50},\"createdAt\":\"2026-12-01T09:00:00Z\"}";
    public static final String PUT_AGENT = "{\"tenantId\":\"acme\",\"name\":\"Support bot\"}";
    public static final String AGENT = "{\"agentKey\":\"support-bot\",\"tenantId\":\"acme\",\"name\":\"Support bot\","
            + "\"createdAt\":\"2026-12-01T09:00:00Z\"}";
    public static final String PUT_APP = "{\"tenantId\":\"acme\"}";
    public static final String APP = "{\"appId\":\"aa-c31cccce\",\"environment\":\"prod\",\"tenantId\":\"acme\","
            + "\"createdAt\":\"2026-12-01T09:00:00Z\"}";
    public static final String INVALID = "{\"code\":\"invalid_request\",\"description\":\"tenantId is required: 1-63 "
            + "characters of lower-case letters, digits and . _ -\"}";
    public static final String UNAUTHORIZED =
            "{\"code\":\"unauthorized\",\"description\":\"the x-api-key is not valid here\"}";
    public static final String NOT_REGISTERED = "{\"code\":\"not_found\",\"description\":\"no such agent for tenant 'acme'\"}";
    public static final String NOT_FOUND = "{\"code\":\"not_found\",\"description\":\"no live API key with that id\"}";

    private LedgerExamples() {
    }
}
