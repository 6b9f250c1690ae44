package io.sessionledger.events;

import java.util.regex.Pattern;

/**
 * A session's identity: the tenant it belongs to and its id within that tenant.
 *
 * <p>{@link #aggregateId()} is {@code tenantId:sessionId}. It is the aggregate identifier in the event
 * store and the Kafka record key, so two tenants may use the same session id and never meet. Tenant ids
 * cannot contain {@code ':'}, which makes the form unambiguous.
 */
public record SessionRef(String tenantId, String sessionId) {

    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    /** Client-chosen session ids: printable, URL-safe, bounded. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~@-]{0,127}");

    public SessionRef {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("invalid tenantId");
        }
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("invalid sessionId");
        }
    }

    public static SessionRef parse(String aggregateId) {
        int colon = aggregateId.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a session aggregate id: " + aggregateId);
        }
        return new SessionRef(aggregateId.substring(0, colon), aggregateId.substring(colon + 1));
    }

    public String aggregateId() {
        return tenantId + ':' + sessionId;
    }

    @Override
    public String toString() {
        return aggregateId();
    }
}
