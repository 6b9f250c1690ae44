package io.sessionledger.dialect.genesys;

/** Examples for the OpenAPI description of the Genesys dialect, shared by both services' controllers. */
public final class GenesysExamples {

    public static final String CREATE_BODY = "{\"visitId\":\"visit-1\",\"globalVisitId\":\"gv-1\"}";
    public static final String ASSOCIATE_BODY = "{\"visitId\":\"visit-2\"}";
    public static final String SESSION_INFO = "{\"sessionId\":\"s-4f7c2d0e-8b1a-4c3e-9f5d-2a6b7c8d9e0f\","
            + "\"tenantId\":\"acme\",\"agentId\":\"agent-7\",\"customerId\":\"customer-42\",\"visitId\":\"visit-1\","
            + "\"globalVisitId\":\"gv-1\",\"anonymous\":false,\"createdAt\":\"2026-12-01T09:00:00Z\","
            + "\"updatedAt\":\"2026-12-01T09:00:00Z\"}";
    public static final String SESSION_INFO_V2 = "{\"response\":" + SESSION_INFO + "}";
    public static final String INVALID_REQUEST =
            "{\"code\":\"invalid_request\",\"description\":\"the tenantId query parameter is required\"}";
    public static final String VISIT_CONFLICT =
            "{\"code\":\"visit_id_conflict\",\"description\":\"visitId 'visit-1' already belongs to another session\"}";
    public static final String CUSTOMER_CONFLICT = "{\"code\":\"customer_conflict\","
            + "\"description\":\"the session is already associated with another customer\"}";
    public static final String UNAUTHORIZED =
            "{\"code\":\"unauthorized\",\"description\":\"a valid x-api-key header is required\"}";
    public static final String FORBIDDEN =
            "{\"code\":\"forbidden\",\"description\":\"the API key does not belong to tenant 'other'\"}";
    public static final String NOT_FOUND = "{\"code\":\"not_found\",\"description\":\"session not found\"}";
    public static final String TERMINATED = "{\"code\":\"session_terminated\","
            + "\"description\":\"the session is terminated and cannot change\"}";
    public static final String PRECONDITION_FAILED = "{\"code\":\"precondition_failed\","
            + "\"description\":\"the session is at version 3, not 2\"}";
    public static final String TOO_LARGE =
            "{\"code\":\"payload_too_large\",\"description\":\"the body is larger than 65536 bytes\"}";
    public static final String UNSUPPORTED_MEDIA_TYPE =
            "{\"code\":\"unsupported_media_type\",\"description\":\"the body must be application/json\"}";
    public static final String RATE_LIMITED = "{\"code\":\"rate_limit_exceeded\","
            + "\"description\":\"the API key is over its quota of 50 requests per second\"}";
    public static final String UNAVAILABLE =
            "{\"code\":\"unavailable\",\"description\":\"the ledger cannot be reached right now; try again\"}";

    private GenesysExamples() {
    }
}
