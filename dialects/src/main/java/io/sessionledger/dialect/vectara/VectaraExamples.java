package io.sessionledger.dialect.vectara;

/** Examples for the OpenAPI description of the Vectara-style dialect, shared by both services' controllers. */
public final class VectaraExamples {

    public static final String CREATE_BODY = "{\"key\":\"support-chat-42\",\"name\":\"Support chat\","
            + "\"description\":\"Order 1234 does not arrive\",\"metadata\":{\"channel\":\"web\",\"priority\":2},"
            + "\"enabled\":true}";
    public static final String CREATE_BODY_MINIMAL = "{\"name\":\"Support chat\"}";
    public static final String UPDATE_BODY = "{\"name\":\"Support chat (escalated)\",\"metadata\":{\"channel\":\"web\","
            + "\"priority\":1},\"enabled\":false}";
    public static final String SESSION = "{\"key\":\"support-chat-42\",\"agent_key\":\"customer-support\","
            + "\"name\":\"Support chat\",\"description\":\"Order 1234 does not arrive\","
            + "\"metadata\":{\"channel\":\"web\",\"priority\":2},\"enabled\":true,"
            + "\"created_at\":\"2026-12-01T09:00:00Z\"}";
    public static final String SESSION_LIST = "{\"sessions\":[" + SESSION + "],"
            + "\"metadata\":{\"page_key\":\"c3VwcG9ydC1jaGF0LTQy\"}}";
    public static final String INVALID_REQUEST = "{\"code\":\"invalid_request\",\"messages\":[\"'name' is required\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{\"name\":\"'name' is required\"}}";
    public static final String INVALID_LIST_REQUEST = "{\"code\":\"invalid_request\","
            + "\"messages\":[\"limit must be a whole number from 1 to 100\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\","
            + "\"field_errors\":{\"limit\":\"limit must be a whole number from 1 to 100\"}}";
    public static final String INVALID_SESSION_KEY = "{\"code\":\"invalid_request\","
            + "\"messages\":[\"session_key must be 1-50 characters of 0-9 a-z A-Z _ -\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\","
            + "\"field_errors\":{\"session_key\":\"session_key must be 1-50 characters of 0-9 a-z A-Z _ -\"}}";
    public static final String INVALID_METADATA = "{\"code\":\"invalid_metadata\","
            + "\"messages\":[\"'metadata' must be a JSON object\"],\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\","
            + "\"field_errors\":{\"metadata\":\"'metadata' must be a JSON object\"}}";
    public static final String UNAUTHORIZED = "{\"code\":\"unauthorized\","
            + "\"messages\":[\"a valid x-api-key header is required\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String FORBIDDEN = "{\"code\":\"forbidden\","
            + "\"messages\":[\"the API key may not use agent 'billing'\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String AGENT_NOT_FOUND = "{\"code\":\"agent_not_found\","
            + "\"messages\":[\"agent 'customer-support' does not exist\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String SESSION_NOT_FOUND = "{\"code\":\"session_not_found\","
            + "\"messages\":[\"session 'support-chat-42' does not exist\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String CONFLICT = "{\"code\":\"conflict\","
            + "\"messages\":[\"key 'support-chat-42' already belongs to another session\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\","
            + "\"field_errors\":{\"key\":\"key 'support-chat-42' already belongs to another session\"}}";
    public static final String PRECONDITION_FAILED = "{\"code\":\"precondition_failed\","
            + "\"messages\":[\"the session is at version 3, not 2\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String TOO_LARGE = "{\"code\":\"payload_too_large\","
            + "\"messages\":[\"the body is larger than 65536 bytes\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String UNSUPPORTED_MEDIA_TYPE = "{\"code\":\"unsupported_media_type\","
            + "\"messages\":[\"the body must be application/json\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String RATE_LIMITED = "{\"code\":\"rate_limit_exceeded\","
            + "\"messages\":[\"the API key is over its quota of 50 requests per second\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";
    public static final String UNAVAILABLE = "{\"code\":\"unavailable\","
            + "\"messages\":[\"the ledger cannot be reached right now; try again\"],"
            + "\"request_id\":\"0b7e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b\",\"field_errors\":{}}";

    private VectaraExamples() {
    }
}
