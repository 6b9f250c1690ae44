package io.sessionledger.query.lists;

import java.time.Instant;

/**
 * The filters of Kore's {@code POST .../sessions/list}; each null one does not filter.
 *
 * @param createdFrom inclusive lower bound on createdAt
 * @param createdTo   inclusive upper bound on createdAt
 */
public record KoreFilter(String sessionId, String userReference, Instant createdFrom, Instant createdTo) {

    public static KoreFilter none() {
        return new KoreFilter(null, null, null, null);
    }

    /** Whether it filters nothing: the whole scope, whose count the projection keeps. */
    public boolean isNone() {
        return sessionId == null && userReference == null && createdFrom == null && createdTo == null;
    }
}
