package io.sessionledger.query.lists;

import io.sessionledger.query.projection.SessionCounts;
import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionRow;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Kore.ai reads of the projection: one session of an app+environment, and the newest-first offset list.
 * Deleted sessions are never returned. Indexes: V2__dialect_lookups.sql.
 */
@Repository
public class KoreSessionQueries {

    public static final int MAX_LIMIT = 100;

    private static final String SELECT = "select " + SessionInfoRepository.COLUMNS + " from session_info ";
    private static final String SCOPE =
            "where tenant_id = :tenant and app_id = :app and environment = :env and deleted = false";
    private static final String NEWEST_FIRST = " order by created_at desc, session_id desc";

    private final NamedParameterJdbcTemplate jdbc;
    private final SessionInfoRepository sessions;

    public KoreSessionQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.sessions = new SessionInfoRepository(jdbc);
    }

    public Optional<SessionRow> bySessionId(String tenantId, String appId, String environment, String sessionId) {
        return one(tenantId, appId, environment, " and aggregate_id = :aggregateId and session_id = :sessionId",
                scope(tenantId, appId, environment).addValue("aggregateId", tenantId + ':' + sessionId)
                        .addValue("sessionId", sessionId), sessionId);
    }

    public Optional<SessionRow> byReference(String tenantId, String appId, String environment,
                                            String sessionReference) {
        return one(tenantId, appId, environment, " and session_reference = :reference",
                scope(tenantId, appId, environment).addValue("reference", sessionReference), sessionReference);
    }

    /**
     * @param offset sessions to skip (negative counts as 0)
     * @param limit  page size, validated by the caller to 1..{@value #MAX_LIMIT}; clamped to that range here
     */
    public KorePage list(String tenantId, String appId, String environment, KoreFilter filterOrNull, int offset,
                         int limit) {
        KoreFilter filter = filterOrNull == null ? KoreFilter.none() : filterOrNull;
        int skip = Math.max(0, offset);
        int size = Math.max(1, Math.min(MAX_LIMIT, limit));
        if (!Storable.all(tenantId, appId, environment, filter.sessionId(), filter.userReference())) {
            return new KorePage(List.of(), 0, skip, false);
        }
        MapSqlParameterSource params = scope(tenantId, appId, environment);
        String where = SCOPE + filters(tenantId, filter, params);
        // Unfiltered, the scope's count is one row the projection keeps (docs/decisions.md, "Rebuild and list
        // counts"); a filter's matches are counted, bounded by the filter's own index.
        long total = filter.isNone()
                ? sessions.countOf(new SessionCounts.Scope(tenantId, appId, environment))
                : jdbc.queryForObject("select count(*) from session_info " + where, params, Long.class);
        List<SessionRow> rows = jdbc.query(SELECT + where + NEWEST_FIRST + " limit :limit offset :offset",
                params.addValue("limit", size).addValue("offset", skip), SessionInfoRepository::map);
        long endIndex = (long) skip + rows.size();
        return new KorePage(rows, total, endIndex, endIndex < total);
    }

    private Optional<SessionRow> one(String tenantId, String appId, String environment, String condition,
                                     MapSqlParameterSource params, String value) {
        if (value == null || !Storable.all(tenantId, appId, environment, value)) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + SCOPE + condition, params, SessionInfoRepository::map).stream().findFirst();
    }

    private static String filters(String tenantId, KoreFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (filter.sessionId() != null) {
            // The primary key: tenant ids cannot contain ':', so tenant:sessionId names one row.
            sql.append(" and aggregate_id = :aggregateId and session_id = :sessionId");
            params.addValue("aggregateId", tenantId + ':' + filter.sessionId())
                    .addValue("sessionId", filter.sessionId());
        }
        if (filter.userReference() != null) {
            sql.append(" and user_reference = :userReference");
            params.addValue("userReference", filter.userReference());
        }
        if (filter.createdFrom() != null) {
            sql.append(" and created_at >= :createdFrom");
            params.addValue("createdFrom", utc(filter.createdFrom()), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (filter.createdTo() != null) {
            sql.append(" and created_at <= :createdTo");
            params.addValue("createdTo", utc(filter.createdTo()), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        return sql.toString();
    }

    private static MapSqlParameterSource scope(String tenantId, String appId, String environment) {
        return new MapSqlParameterSource("tenant", tenantId).addValue("app", appId).addValue("env", environment);
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
