package io.sessionledger.command.api.ledger.audit;

/** Examples for the OpenAPI description of the audit API. */
final class AuditExamples {

    static final String HASH = "9f1b0c6e0d4f3a1c2b5e7d8a9c0b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c";
    static final String HISTORY = "{\"events\":[{\"eventId\":\"5b0e4a3c-8f7d-4c1e-9a2b-3c4d5e6f7a8b\","
            + "\"type\":\"SessionCreated\",\"sequence\":0,\"position\":1041,\"leafIndex\":1040,"
            + "\"occurredAt\":\"2026-12-01T09:00:00.123Z\",\"actor\":{\"apiKeyId\":\"k-0c7e4c1a\",\"tenantId\":\"acme\"},"
            + "\"api\":\"genesys\",\"requestId\":\"r-1\",\"correlationId\":\"r-1\",\"causationId\":\"c-1\","
            + "\"hash\":\"" + HASH + "\",\"previousHash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
            + "\"data\":{\"tenantId\":\"acme\",\"sessionId\":\"s-1\",\"status\":\"IDLE\"}}],\"next\":null}";
    static final String AS_OF = "{\"asOf\":\"2026-12-01T09:30:00Z\",\"deleted\":false,\"session\":{\"tenantId\":\"acme\","
            + "\"sessionId\":\"s-1\",\"status\":\"idle\",\"version\":0,\"createdAt\":\"2026-12-01T09:00:00.123Z\"}}";
    static final String CHECKPOINT = "session-ledger.local/log\n1041\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
            + "\u2014 session-ledger.local/log zVdNrAQ2bC1n...base64 of key hash and signature...==\n";
    static final String PUBLIC_KEY = "session-ledger.local/log+cc714670+AdeamAGCsQq31Uv+08lkBzoO4XPz2qYjJa8CGmj3B1Ea";
    static final String INCLUSION = "{\"treeSize\":8,\"leafIndex\":0,\"hashes\":["
            + "\"lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=\",\"Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=\","
            + "\"a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=\"]}";
    static final String CONSISTENCY = "{\"treeSize\":8,\"hashes\":[\"lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=\","
            + "\"Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=\",\"a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=\"]}";
    static final String EXPORT = "{\"checkpoint\":{\"origin\":\"session-ledger.local/log\",\"treeSize\":1041,"
            + "\"rootHash\":\"XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\",\"note\":\"session-ledger.local/log\\n1041\\n"
            + "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\\n\\n\u2014 session-ledger.local/log zVdNrAQ2...==\\n\"}}\n"
            + "{\"eventId\":\"5b0e4a3c-8f7d-4c1e-9a2b-3c4d5e6f7a8b\",\"type\":\"SessionCreated\",\"aggregateId\":\"acme:s-1\","
            + "\"sequence\":0,\"position\":1041,\"leafIndex\":1040,\"occurredAt\":\"2026-12-01T09:00:00.123Z\","
            + "\"actor\":{\"apiKeyId\":\"k-0c7e4c1a\",\"tenantId\":\"acme\"},\"api\":\"genesys-v1\",\"requestId\":\"r-1\","
            + "\"correlationId\":\"r-1\",\"causationId\":\"c-1\",\"hash\":\"" + HASH + "\",\"previousHash\":"
            + "\"0000000000000000000000000000000000000000000000000000000000000000\",\"data\":{\"tenantId\":\"acme\","
            + "\"sessionId\":\"s-1\",\"status\":\"IDLE\"},\"payloadType\":\"io.sessionledger.events.SessionCreated\","
            + "\"metadata\":{\"tenantId\":\"acme\",\"apiKeyId\":\"k-0c7e4c1a\",\"dialect\":\"genesys-v1\","
            + "\"requestId\":\"r-1\",\"correlationId\":\"r-1\",\"causationId\":\"c-1\"},\"proof\":{\"treeSize\":1041,"
            + "\"leafIndex\":1040,\"hashes\":[\"lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=\"]}}\n"
            + "{\"end\":{\"events\":1}}\n";
    static final String NO_CHECKPOINT = "{\"code\":\"unavailable\",\"description\":\"no checkpoint has been signed yet\"}";
    static final String NO_SUCH_CHECKPOINT = "{\"code\":\"not_found\",\"description\":\"no checkpoint of tree size 7 "
            + "was signed; GET /ledger/v1/log/checkpoint names the latest\"}";
    static final String VALID = "{\"valid\":true,\"tenantId\":\"acme\",\"sessionId\":\"s-1\",\"eventsChecked\":3,"
            + "\"headHash\":\"" + HASH + "\",\"failure\":null}";
    static final String INVALID_CHAIN = "{\"valid\":false,\"tenantId\":\"acme\",\"sessionId\":\"s-1\",\"eventsChecked\":2,"
            + "\"headHash\":null,\"failure\":{\"reason\":\"altered\",\"sequence\":1,\"eventId\":\"5b0e4a3c-8f7d-4c1e\","
            + "\"position\":1042,\"leafIndex\":1041,\"detail\":\"its stored content no longer matches its hash\"}}";
    static final String RUN = "{\"id\":\"v-3f0c1d2e\",\"state\":\"running\",\"startedAt\":\"2026-12-01T09:00:00Z\","
            + "\"eventsChecked\":250000,\"sessionsChecked\":80000,\"checkpointsChecked\":0,\"result\":null}";
    static final String RUN_DONE = "{\"id\":\"v-3f0c1d2e\",\"state\":\"done\",\"startedAt\":\"2026-12-01T09:00:00Z\","
            + "\"eventsChecked\":1000000,\"sessionsChecked\":330000,\"checkpointsChecked\":5000,"
            + "\"result\":{\"valid\":true,\"failure\":null}}";
    static final String BAD_REQUEST = "{\"code\":\"invalid_request\",\"description\":\"treeSize is a whole number from 1 "
            + "to 1041\"}";
    static final String UNAUTHORIZED = "{\"code\":\"unauthorized\",\"description\":\"the x-api-key is not valid here\"}";
    static final String FORBIDDEN = "{\"code\":\"forbidden\",\"description\":\"this API key lacks the 'audit' scope\"}";
    static final String NOT_FOUND = "{\"code\":\"not_found\",\"description\":\"no session s-1 in tenant acme\"}";
    static final String ERASED = "{\"status\":\"erased\",\"sessions\":2,\"events\":2,\"keysDestroyed\":3}";
    static final String FORBIDDEN_ERASE = "{\"code\":\"forbidden\",\"description\":\"this API key lacks the 'erase' scope\"}";
    static final String UNKNOWN_SUBJECT = "{\"code\":\"not_found\",\"description\":\"the ledger holds no personal "
            + "data of this subject in tenant acme (nothing to erase)\"}";
    static final String DECRYPT_REQUEST = "{\"values\":[\"enc:v1:5f0c2a9e1b3d4c6e7f8a9b0c:Zm9vYmFy...\"]}";
    static final String DECRYPTED = "{\"values\":[\"cust-42\",null]}";
    static final String NO_RUN = "{\"code\":\"not_found\",\"description\":\"no verification run with that id\"}";

    private AuditExamples() {
    }
}
