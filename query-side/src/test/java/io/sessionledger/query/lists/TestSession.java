package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionRow;
import java.time.Instant;

/** Builds {@code session_info} rows as the projection would store them for a Kore or a Vectara session. */
final class TestSession {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final String tenantId;
    private final String sessionId;
    private String appId;
    private String environment;
    private String agentKey;
    private String sessionReference;
    private String userReference;
    private String sessionKey;
    private String name;
    private String description;
    private Instant createdAt = T0;
    private boolean deleted;

    private TestSession(String tenantId, String sessionId) {
        this.tenantId = tenantId;
        this.sessionId = sessionId;
    }

    static TestSession kore(String tenantId, String appId, String environment, String sessionId) {
        TestSession session = new TestSession(tenantId, sessionId);
        session.appId = appId;
        session.environment = environment;
        session.sessionReference = "ref-" + sessionId;
        session.userReference = "user-" + sessionId;
        return session;
    }

    static TestSession vectara(String tenantId, String agentKey, String sessionKey) {
        TestSession session = new TestSession(tenantId, "s-" + agentKey + "-" + sessionKey);
        session.agentKey = agentKey;
        session.sessionKey = sessionKey;
        session.name = "session " + sessionKey;
        return session;
    }

    TestSession createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    TestSession reference(String value) {
        sessionReference = value;
        return this;
    }

    TestSession user(String value) {
        userReference = value;
        return this;
    }

    TestSession named(String value) {
        name = value;
        return this;
    }

    TestSession described(String value) {
        description = value;
        return this;
    }

    TestSession deleted() {
        deleted = true;
        return this;
    }

    SessionRow row() {
        String dialect = agentKey == null ? "kore" : "vectara";
        String userId = userReference == null ? null : "u-" + userReference;
        return new SessionRow(tenantId + ":" + sessionId, tenantId, sessionId, appId, environment, agentKey, null,
                null, userReference, userId, null, null, sessionReference, sessionKey, name, description, "{}",
                true, "idle", false, 0, dialect, createdAt, createdAt, null, deleted);
    }
}
