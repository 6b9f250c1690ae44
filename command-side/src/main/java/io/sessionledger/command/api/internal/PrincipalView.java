package io.sessionledger.command.api.internal;

import io.sessionledger.service.security.Principal;
import io.sessionledger.command.security.RateLimit;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /internal/v1/principal}: who a key is and what it may do. {@code agents} / {@code apps} null
 * means any; {@code rateLimit} null means the default quota.
 */
public record PrincipalView(String keyId, String tenantId, String name, List<String> scopes, List<String> agents,
                            List<String> apps, RateLimit rateLimit) {

    static PrincipalView of(Principal principal) {
        return new PrincipalView(principal.keyId(), principal.tenantId(), principal.name(),
                List.copyOf(principal.scopes()), listOrNull(principal.agents()), listOrNull(principal.apps()),
                RateLimit.of(principal.requestsPerSecond()));
    }

    private static List<String> listOrNull(Set<String> values) {
        return values == null ? null : List.copyOf(values);
    }
}
