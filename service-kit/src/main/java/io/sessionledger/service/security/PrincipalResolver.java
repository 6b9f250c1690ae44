package io.sessionledger.service.security;

import java.util.Optional;

/** How a service learns whom an API key belongs to: the command side owns the keys, the query side asks it. */
public interface PrincipalResolver {

    /** @return the key's principal, or empty when the key is not valid */
    Optional<Principal> resolve(String apiKey) throws Unavailable;

    /** The keys cannot be checked right now (distinct from a key that was checked and refused). */
    class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
