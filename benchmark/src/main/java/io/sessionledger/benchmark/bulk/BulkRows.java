package io.sessionledger.benchmark.bulk;

import io.sessionledger.benchmark.scenario.SessionNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Kore and Vectara rows of {@code session_info} as COPY text lines, shaped as the projection writes them for a
 * session created through that dialect (scope, keys, anonymous since they carry no Genesys parties, version 1).
 * One liberty: a Kore {@code user_id} here is {@code u-} + a name-based UUID of its own, not the ledger's
 * version 5 one; no read looks sessions up by it.
 */
final class BulkRows {

    static final String COLUMNS = "aggregate_id, tenant_id, session_id, app_id, environment, agent_key, "
            + "user_reference, user_id, session_reference, session_key, name, description, metadata, enabled, "
            + "status, anonymous, version, dialect, created_at, updated_at, deleted";
    private static final String NULL = "\\N";

    private BulkRows() {
    }

    /** Kore row n (1-based) of the plan's app environment, created n seconds before {@code now}. */
    static String kore(String tenantId, BulkPlan plan, long n, Instant now) {
        String sessionId = "s-bulk-k-" + n;
        String user = plan.userOf(n);
        String userId = "u-" + UUID.nameUUIDFromBytes((tenantId + ':' + user).getBytes(StandardCharsets.UTF_8));
        return line(tenantId, sessionId, BulkPlan.KORE_APP, BulkPlan.KORE_ENVIRONMENT, null, user, userId,
                "r-bulk-" + n, null, null, null, null, null, "kore", now.minusSeconds(n));
    }

    /** Vectara row n (1-based): the plan's agent for n, a zero-padded key, a name from {@link SessionNames}. */
    static String vectara(String tenantId, BulkPlan plan, long n, Instant now) {
        return line(tenantId, "s-bulk-v-" + n, null, null, plan.agentOf(n), null, null, null,
                BulkPlan.vectaraKey(n), SessionNames.name(n), SessionNames.description(n),
                "{\"bulk\":true,\"n\":" + n + "}", "t", "vectara", now.minusSeconds(n));
    }

    private static String line(String tenantId, String sessionId, String appId, String environment,
                               String agentKey, String userReference, String userId, String sessionReference,
                               String sessionKey, String name, String description, String metadata,
                               String enabled, String dialect, Instant created) {
        String at = created.toString();
        return String.join("\t", tenantId + ':' + sessionId, tenantId, sessionId, text(appId), text(environment),
                text(agentKey), text(userReference), text(userId), text(sessionReference), text(sessionKey),
                text(name), text(description), text(metadata), text(enabled), "idle", "t", "1", dialect, at, at,
                "f") + "\n";
    }

    /** COPY's text format: backslash, tab and line breaks escaped, null as {@code \N}. */
    static String text(String value) {
        if (value == null) {
            return NULL;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
