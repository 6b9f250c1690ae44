package io.sessionledger.query.api;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.service.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * What every dialect's read shares: whether the client asked to skip the read barrier
 * ({@code x-ledger-consistency: eventual}, our extension), and the headers of the answer ({@code ETag}, and
 * {@code x-ledger-consistency: stale} when the barrier ran out or was skipped, on errors as on answers).
 */
public final class Reads {

    public static final String CONSISTENCY_HEADER = "x-ledger-consistency";
    static final String STALE = "stale";

    private Reads() {
    }

    public static boolean eventual(HttpServletRequest request) {
        return "eventual".equalsIgnoreCase(request.getHeader(CONSISTENCY_HEADER));
    }

    public static ResponseEntity.BodyBuilder ok(boolean fresh) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!fresh) {
            ok.header(CONSISTENCY_HEADER, STALE);
        }
        return ok;
    }

    public static ResponseEntity.BodyBuilder ok(SessionView session, boolean fresh) {
        return ok(fresh).eTag(session.etag());
    }

    /**
     * The error to throw for a read answered after the barrier: marked stale unless the barrier confirmed that
     * the projection held every write acknowledged before the read.
     */
    public static ApiException error(ApiException error, boolean fresh) {
        return fresh ? error : new StaleError(error);
    }
}
