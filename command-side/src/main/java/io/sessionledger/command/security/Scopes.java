package io.sessionledger.command.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a key may do (SPEC 4.4): the dialect APIs, the audit API, erasure. */
public final class Scopes {

    public static final String SESSIONS = "sessions";
    public static final String AUDIT = "audit";
    public static final String ERASE = "erase";
    /** In the order every answer lists them; a key issued without scopes has all three. */
    public static final List<String> ALL = List.of(SESSIONS, AUDIT, ERASE);

    private Scopes() {
    }

    public static boolean isScope(String value) {
        return ALL.contains(value);
    }

    /** The given scopes in the canonical order, so that answers do not depend on how a request listed them. */
    public static Set<String> ordered(Set<String> scopes) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String scope : ALL) {
            if (scopes.contains(scope)) {
                ordered.add(scope);
            }
        }
        return ordered;
    }
}
