package io.sessionledger.command.security;

import io.sessionledger.service.security.Principal;
import java.util.Set;

/**
 * What a key is limited to, fixed at issue. {@code agents} / {@code apps} null: any; empty: none.
 * {@code requestsPerSecond} null: the default quota.
 */
public record KeyLimits(Set<String> scopes, Set<String> agents, Set<String> apps, Integer requestsPerSecond) {

    public static KeyLimits unrestricted() {
        return new KeyLimits(Set.copyOf(Principal.ALL_SCOPES), null, null, null);
    }
}
