package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionRow;
import java.util.List;

/**
 * One page of an agent's sessions in key order.
 *
 * @param nextPageKey the opaque cursor to send for the next page, or null when nothing follows. A filtered
 *                    page may be short (even empty) and still have one: the scan stopped at its budget.
 */
public record VectaraPage(List<SessionRow> sessions, String nextPageKey) {

    public VectaraPage {
        sessions = List.copyOf(sessions);
    }
}
