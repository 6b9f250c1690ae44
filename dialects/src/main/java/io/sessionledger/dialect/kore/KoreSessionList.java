package io.sessionledger.dialect.kore;

import io.sessionledger.dialect.SessionView;
import java.util.List;

/**
 * The answer of {@code POST .../sessions/list} (seed 003). {@code endIndex} is the offset of the next page
 * (the request's offset plus the sessions returned), so a client pages on by sending it back as {@code offset}.
 */
public record KoreSessionList(List<KoreSession.Listed> sessions, Pagination pagination) {

    public record Pagination(long totalCount, long endIndex, boolean hasMore) {
    }

    public static KoreSessionList of(List<SessionView> page, long totalCount, long endIndex, boolean hasMore) {
        return new KoreSessionList(page.stream().map(KoreSession.Listed::of).toList(),
                new Pagination(totalCount, endIndex, hasMore));
    }
}
