package io.sessionledger.dialect.kore;

/** Examples for the OpenAPI description of the Kore.ai dialect, shared by both services' controllers. */
public final class KoreExamples {

    public static final String CREATE_BY_USER = "{\"sessionIdentity\":[{\"type\":\"userReference\","
            + "\"value\":\"usr_1a2b3c4d5e\"}]}";
    public static final String CREATE_BY_REFERENCE = "{\"sessionIdentity\":[{\"type\":\"sessionReference\","
            + "\"value\":\"Se_skwos333\"},{\"type\":\"userReference\",\"value\":\"usr_1a2b3c4d5e\"}]}";
    public static final String RESUME_BY_ID = "{\"sessionIdentity\":[{\"type\":\"sessionId\","
            + "\"value\":\"s-a302e3c6-308b-4a0a-9a5f-a01a5846fae1\"}]}";
    public static final String TERMINATE = "{\"sessionIdentity\":[{\"type\":\"sessionReference\","
            + "\"value\":\"Se_skwos333\"}]}";
    public static final String LIST_BODY = "{\"userReference\":\"usr_1a2b3c4d5e\",\"date\":{"
            + "\"start\":\"2025-02-01T00:00:00Z\",\"end\":\"2025-02-28T23:59:59Z\"},\"offset\":0,\"limit\":20}";
    private static final String SESSION_FIELDS = "\"sessionId\":\"s-a302e3c6-308b-4a0a-9a5f-a01a5846fae1\","
            + "\"sessionReference\":\"Se_skwos333\"";
    public static final String SESSION = "{\"session\":{" + SESSION_FIELDS + ",\"userReference\":\"usr_1a2b3c4d5e\","
            + "\"status\":\"idle\",\"userId\":\"u-4c2221e1-46c2-53c5-9876-fd6699052c15\","
            + "\"createdAt\":\"2025-02-17T19:07:00.070Z\"}}";
    public static final String TERMINATED_SESSION = "{\"session\":{" + SESSION_FIELDS
            + ",\"userReference\":\"usr_1a2b3c4d5e\",\"status\":\"terminated\","
            + "\"userId\":\"u-4c2221e1-46c2-53c5-9876-fd6699052c15\",\"createdAt\":\"2025-02-17T19:07:00.070Z\"}}";
    public static final String LIST = "{\"sessions\":[{" + SESSION_FIELDS + ",\"status\":\"idle\","
            + "\"userId\":\"u-4c2221e1-46c2-53c5-9876-fd6699052c15\",\"createdAt\":\"2025-02-17T19:07:00.070Z\"}],"
            + "\"pagination\":{\"totalCount\":41,\"endIndex\":21,\"hasMore\":true}}";

    // Annotation values must be constant expressions: the error shape is spelled out with these three parts.
    private static final String E1 = "{\"errors\":[{\"msg\":\"";
    private static final String E2 = "\",\"code\":\"";
    private static final String E3 = "\"}]}";

    public static final String INVALID_REQUEST = E1 + "unknown sessionIdentity type 'visitor': use sessionId, "
            + "sessionReference or userReference" + E2 + "invalid_request" + E3;
    public static final String INVALID_LIST_REQUEST = E1 + "'limit' must be a whole number from 1 to 100"
            + E2 + "invalid_request" + E3;
    public static final String CONFLICT = E1 + "the sessionReference is changing hands under concurrent requests; "
            + "try again" + E2 + "conflict" + E3;
    public static final String UNAUTHORIZED = E1 + "a valid x-api-key header is required" + E2 + "unauthorized" + E3;
    public static final String FORBIDDEN = E1 + "the API key may not use app 'aa-other'" + E2 + "forbidden" + E3;
    public static final String NOT_OWNER = E1 + "the session belongs to another user reference"
            + E2 + "forbidden" + E3;
    public static final String APP_NOT_FOUND = E1 + "no app 'aa-c31cccce' with environment 'dev' is registered"
            + E2 + "app_not_found" + E3;
    public static final String SESSION_NOT_FOUND = E1 + "session not found" + E2 + "session_not_found" + E3;
    public static final String TERMINATED = E1 + "the session is terminated and cannot change"
            + E2 + "session_terminated" + E3;
    public static final String PRECONDITION_FAILED = E1 + "the session is at version 3, not 2"
            + E2 + "precondition_failed" + E3;
    public static final String TOO_LARGE = E1 + "the body is larger than 65536 bytes" + E2 + "payload_too_large" + E3;
    public static final String UNSUPPORTED_MEDIA_TYPE = E1 + "the body must be application/json"
            + E2 + "unsupported_media_type" + E3;
    public static final String RATE_LIMITED = E1 + "the API key is over its quota of 50 requests per second"
            + E2 + "rate_limit_exceeded" + E3;
    public static final String UNAVAILABLE = E1 + "the ledger cannot be reached right now; try again"
            + E2 + "unavailable" + E3;

    private KoreExamples() {
    }
}
