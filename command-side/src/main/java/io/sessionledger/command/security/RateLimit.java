package io.sessionledger.command.security;

/** A key's own request-rate quota, as the APIs show it: {@code {"requestsPerSecond": N}}. */
public record RateLimit(int requestsPerSecond) {

    /** @return null when the key has no quota of its own (the default applies) */
    public static RateLimit of(Integer requestsPerSecond) {
        return requestsPerSecond == null ? null : new RateLimit(requestsPerSecond);
    }
}
