package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Vectara reads of the projection: one session of an agent by key, and key-ordered cursor pages. A filtered
 * page is filtered here, in key-ordered chunks, and stops after a budget of examined rows so that a filter
 * matching little among many sessions still answers in bounded time, possibly with a short page and a key.
 * Deleted sessions are never returned. Index: V2__dialect_lookups.sql.
 */
@Repository
public class VectaraSessionQueries {

    public static final int MAX_LIMIT = 100;

    private static final String SELECT = "select " + SessionInfoRepository.COLUMNS + " from session_info "
            + "where tenant_id = ? and agent_key = ? and deleted = false";
    private static final String KEY_ORDER = " order by session_key limit ?";

    private final JdbcTemplate jdbc;
    private final ListProperties limits;

    public VectaraSessionQueries(JdbcTemplate jdbc, ListProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    public Optional<SessionRow> byKey(String tenantId, String agentKey, String sessionKey) {
        if (sessionKey == null || !Storable.all(tenantId, agentKey, sessionKey)) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + " and session_key = ?", SessionInfoRepository::map, tenantId, agentKey,
                sessionKey).stream().findFirst();
    }

    /**
     * @param filterOrNull  from {@link SessionNameFilter#parse}; null lists every session
     * @param pageKeyOrNull a {@link VectaraPage#nextPageKey()} from an earlier page; null for the first page
     * @param limit         page size, validated by the caller to 1..{@value #MAX_LIMIT}; clamped to that range here
     * @throws BadPageKey when the page key is not one this class issued
     */
    public VectaraPage list(String tenantId, String agentKey, SessionNameFilter filterOrNull, String pageKeyOrNull,
                            int limit) {
        String after = pageKeyOrNull == null ? null : PageKey.decode(pageKeyOrNull);
        int size = Math.max(1, Math.min(MAX_LIMIT, limit));
        if (!Storable.all(tenantId, agentKey)) {
            return new VectaraPage(List.of(), null);
        }
        return filterOrNull == null
                ? unfiltered(tenantId, agentKey, after, size)
                : filtered(tenantId, agentKey, filterOrNull, after, size);
    }

    private VectaraPage unfiltered(String tenantId, String agentKey, String after, int size) {
        List<SessionRow> rows = chunk(tenantId, agentKey, after, size + 1);
        if (rows.size() <= size) {
            return new VectaraPage(rows, null);
        }
        List<SessionRow> page = rows.subList(0, size);
        return new VectaraPage(page, PageKey.encode(page.get(size - 1).sessionKey()));
    }

    private VectaraPage filtered(String tenantId, String agentKey, SessionNameFilter filter, String after,
                                 int size) {
        List<SessionRow> matches = new ArrayList<>();
        String last = after;
        int examined = 0;
        while (true) {
            int wanted = Math.min(limits.filterChunk(), limits.filterScanBudget() - examined);
            List<SessionRow> rows = chunk(tenantId, agentKey, last, wanted);
            boolean endOfAgent = rows.size() < wanted;
            for (int i = 0; i < rows.size(); i++) {
                SessionRow row = rows.get(i);
                examined++;
                last = row.sessionKey();
                if (!filter.matches(row)) {
                    continue;
                }
                matches.add(row);
                if (matches.size() == size) {
                    boolean restOfChunk = i < rows.size() - 1;
                    return new VectaraPage(matches, restOfChunk ? PageKey.encode(last)
                            : keyIfMoreAfter(tenantId, agentKey, last, endOfAgent));
                }
            }
            if (endOfAgent) {
                return new VectaraPage(matches, null);
            }
            if (examined >= limits.filterScanBudget()) {
                return new VectaraPage(matches, keyIfMoreAfter(tenantId, agentKey, last, false));
            }
        }
    }

    /** A page key only when a row follows: the last page of a scan says so with null, as unfiltered ones do. */
    private String keyIfMoreAfter(String tenantId, String agentKey, String sessionKey, boolean endOfAgent) {
        boolean more = !endOfAgent && !jdbc.queryForList("select session_key from session_info where tenant_id = ? "
                + "and agent_key = ? and deleted = false and session_key > ? order by session_key limit 1",
                String.class, tenantId, agentKey, sessionKey).isEmpty();
        return more ? PageKey.encode(sessionKey) : null;
    }

    private List<SessionRow> chunk(String tenantId, String agentKey, String after, int rows) {
        return after == null
                ? jdbc.query(SELECT + KEY_ORDER, SessionInfoRepository::map, tenantId, agentKey, rows)
                : jdbc.query(SELECT + " and session_key > ?" + KEY_ORDER, SessionInfoRepository::map, tenantId,
                        agentKey, after, rows);
    }
}
