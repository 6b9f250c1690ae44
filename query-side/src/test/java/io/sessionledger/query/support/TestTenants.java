package io.sessionledger.query.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fake command side knows of the tenants: their API keys, by the secret a test sends, as
 * {@code GET /internal/v1/principal} answers them (null scopes mean all three, null agents or apps any, a null
 * rate limit the default), and the app environments and agents they registered.
 */
public final class TestTenants {

    /** One key's principal, field for field as the command side writes it. */
    public record Key(String keyId, String tenantId, String name, List<String> scopes, List<String> agents,
                      List<String> apps, RateLimit rateLimit) {
    }

    public record RateLimit(int requestsPerSecond) {
    }

    static final Map<String, Key> KEYS = Map.of(
            "key-acme", everything("k-acme", "acme"),
            "key-other", everything("k-other", "other"),
            "key-kept", everything("k-kept", "acme"),
            "key-app-b-only", new Key("k-app-b", "acme", "app-b only", null, null, List.of("app-b"), null),
            "key-audit-only", new Key("k-audit", "acme", "auditor", List.of("audit"), null, null, null),
            "key-billing-only", new Key("k-billing", "acme", "billing only", List.of("sessions"),
                    List.of("billing"), null, null),
            "key-limited", new Key("k-limited", "acme", "limited", List.of("sessions", "audit"), List.of("bot-1"),
                    null, new RateLimit(25)));

    /** tenant/app/env registered; every other is not. */
    static final Set<String> APP_ENVIRONMENTS = Set.of("acme/app-a/dev", "acme/app-a/prod", "acme/app-b/dev",
            "acme/app-list/dev", "acme/app-page/dev", "other/app-a/dev");

    private TestTenants() {
    }

    /** The tenant of a known key; null for any other. */
    static String tenantOf(String secret) {
        Key key = secret == null ? null : KEYS.get(secret);
        return key == null ? null : key.tenantId();
    }

    /** Tenant {@code acme} has every agent but those whose key starts with {@code nobody}; {@code other} has only
     * {@code support}. */
    static boolean hasAgent(String tenant, String agent) {
        return "acme".equals(tenant) ? !agent.startsWith("nobody") : "other".equals(tenant) && agent.equals("support");
    }

    private static Key everything(String keyId, String tenant) {
        return new Key(keyId, tenant, "all", null, null, null, null);
    }
}
