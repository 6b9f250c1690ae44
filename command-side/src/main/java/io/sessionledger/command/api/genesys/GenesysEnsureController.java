package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.publishing.PublishedPosition;
import io.sessionledger.command.session.EnsureSession;
import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Genesys get-or-create, asked by the query side when a GET names an unknown id (the edge never routes
 * {@code /internal}). The call carries the client's own API key, so the query side gets no more power than its
 * caller.
 */
@RestController
public class GenesysEnsureController {

    public record Ensured(String aggregateId, long version, boolean created, PublishedPosition position) {
    }

    private static final Set<String> GENESYS_DIALECTS = Set.of("genesys-v1", "genesys-v2");

    private final SessionWrites writes;

    public GenesysEnsureController(SessionWrites writes) {
        this.writes = writes;
    }

    /** An unknown id becomes a new anonymous session, exactly once however many reads race for it. */
    @PostMapping("/internal/v1/genesys/sessions/{sessionId}/ensure")
    public Ensured ensure(@PathVariable String sessionId,
                          @RequestHeader(name = "x-ledger-dialect", required = false) String dialect,
                          HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        if (!SessionRef.isSessionId(sessionId)) {
            throw new ApiException(ApiError.badRequest("invalid sessionId"));
        }
        String used = dialect != null && GENESYS_DIALECTS.contains(dialect) ? dialect : "genesys-v1";
        SessionWrites.Result result = writes.send(new EnsureSession(new SessionRef(context.tenantId(), sessionId)),
                context, used);
        return new Ensured(result.outcome().session().ref().aggregateId(), result.outcome().session().version(),
                result.outcome().created(), result.position().orElse(null));
    }
}
