package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionRow;
import java.util.List;

/**
 * One offset page of Kore sessions, newest first.
 *
 * @param totalCount sessions matching the filters, over all pages
 * @param endIndex   the offset of the next page: the request's offset plus the sessions returned
 * @param hasMore    whether sessions exist beyond {@code endIndex}
 */
public record KorePage(List<SessionRow> sessions, long totalCount, long endIndex, boolean hasMore) {

    public KorePage {
        sessions = List.copyOf(sessions);
    }
}
