package io.sessionledger.query.api.kore;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.dialect.kore.KoreListRequest;
import io.sessionledger.dialect.kore.KoreRules;
import io.sessionledger.dialect.kore.KoreSessionList;
import io.sessionledger.events.SessionRef;
import io.sessionledger.query.api.Reads;
import io.sessionledger.query.api.SessionViews;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.lists.KoreFilter;
import io.sessionledger.query.lists.KorePage;
import io.sessionledger.query.lists.KoreSessionQueries;
import io.sessionledger.query.projection.SessionRow;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Kore reads after the read barrier, so that every write acknowledged before the read is in the answer: one
 * session's partition when its id is known, every partition for a reference or a list (any session may hold
 * them). Deleted sessions are never found.
 */
@Service
public class KoreSessionReads {

    /** @param fresh false when the barrier ran out (or was skipped) and the answer may miss the latest writes */
    public record Read<T>(T answer, boolean fresh) {
    }

    private final ReadBarrier barrier;
    private final KoreSessionQueries queries;

    public KoreSessionReads(ReadBarrier barrier, KoreSessionQueries queries) {
        this.barrier = barrier;
        this.queries = queries;
    }

    public Read<SessionView> byId(String tenantId, String appId, String env, String sessionId, boolean eventual) {
        if (!SessionRef.isSessionId(sessionId)) {
            throw KoreRules.sessionNotFound();
        }
        boolean fresh = !eventual && barrier.awaitSession(new SessionRef(tenantId, sessionId));
        return found(queries.bySessionId(tenantId, appId, env, sessionId), fresh);
    }

    public Read<SessionView> byReference(String tenantId, String appId, String env, String reference,
                                         boolean eventual) {
        boolean fresh = !eventual && barrier.awaitAll();
        return found(queries.byReference(tenantId, appId, env, reference), fresh);
    }

    public Read<KoreSessionList> list(String tenantId, String appId, String env, KoreListRequest request,
                                      boolean eventual) {
        boolean fresh = !eventual && barrier.awaitAll();
        KorePage page = queries.list(tenantId, appId, env, new KoreFilter(request.sessionId(),
                request.userReference(), request.createdFrom(), request.createdTo()), request.offset(), request.limit());
        return new Read<>(KoreSessionList.of(page.sessions().stream().map(SessionViews::of).toList(),
                page.totalCount(), page.endIndex(), page.hasMore()), fresh);
    }

    /** Not found after a barrier that ran out (or was skipped) may be a write not projected yet: marked stale. */
    private static Read<SessionView> found(Optional<SessionRow> row, boolean fresh) {
        return new Read<>(row.map(SessionViews::of)
                .orElseThrow(() -> Reads.error(KoreRules.sessionNotFound(), fresh)), fresh);
    }
}
