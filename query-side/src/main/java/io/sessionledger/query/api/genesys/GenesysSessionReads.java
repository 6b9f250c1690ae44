package io.sessionledger.query.api.genesys;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.events.SessionRef;
import io.sessionledger.query.api.Reads;
import io.sessionledger.query.api.SessionViews;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionRow;
import java.util.Optional;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import org.springframework.stereotype.Service;

/**
 * Genesys GET of one session: read it after the barrier; an unknown id is created through the command side
 * and read once the projection has it. A deleted session is gone for every reader.
 */
@Service
public class GenesysSessionReads {

    /** @param fresh false when the barrier ran out and the answer may miss the latest writes */
    public record Read(SessionView session, boolean fresh) {
    }

    private final ReadBarrier barrier;
    private final SessionInfoRepository sessions;
    private final EnsureSessionClient commandSide;

    public GenesysSessionReads(ReadBarrier barrier, SessionInfoRepository sessions, EnsureSessionClient commandSide) {
        this.barrier = barrier;
        this.sessions = sessions;
        this.commandSide = commandSide;
    }

    public Read read(String tenantId, String sessionId, EnsureSessionClient.Forwarded headers) {
        SessionRef ref = validRef(tenantId, sessionId);
        boolean fresh = barrier.awaitSession(ref);
        return readAfterBarrier(ref, sessionId, headers, fresh);
    }

    /**
     * What is projected right now, without the barrier and without creating anything: an unknown id is a
     * 404. For clients that prefer latency to read-your-writes, and for measuring the projection's lag.
     */
    public Read readEventually(String tenantId, String sessionId) {
        SessionRef ref = validRef(tenantId, sessionId);
        SessionRow row = sessions.find(ref.aggregateId())
                .orElseThrow(() -> Reads.error(new ApiException(ApiError.notFound("session not projected")), false));
        return visible(row, false);
    }

    private Read readAfterBarrier(SessionRef ref, String sessionId, EnsureSessionClient.Forwarded headers,
                                  boolean fresh) {
        Optional<SessionRow> row = sessions.find(ref.aggregateId());
        if (row.isPresent()) {
            return visible(row.get(), fresh);
        }
        EnsureSessionClient.Ensured ensured = commandSide.ensure(sessionId, headers);
        EnsureSessionClient.Position position = ensured.position();
        fresh = position == null
                ? barrier.awaitSession(ref)
                : barrier.awaitRecord(position.partition(), position.offset());
        row = sessions.find(ref.aggregateId());
        if (row.isEmpty()) {
            throw Reads.error(new ApiException(ApiError.unavailable(
                    "the session exists but is not readable yet; retry shortly")), fresh);
        }
        return visible(row.get(), fresh);
    }

    private static Read visible(SessionRow row, boolean fresh) {
        if (row.deleted()) {
            throw Reads.error(new ApiException(ApiError.notFound("session not found")), fresh);
        }
        return new Read(SessionViews.of(row), fresh);
    }

    private static SessionRef validRef(String tenantId, String sessionId) {
        if (!SessionRef.isSessionId(sessionId)) {
            throw new ApiException(ApiError.badRequest("sessionId must be 1 to 128 characters of A-Z a-z 0-9 . _ ~ @ -"));
        }
        return new SessionRef(tenantId, sessionId);
    }
}
