package io.sessionledger.command.api.internal;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.publishing.PublishedPosition;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.RequestContext;
import io.sessionledger.command.session.EnsureSession;
import io.sessionledger.events.SessionRef;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the query side asks of the command side; the edge never routes {@code /internal}. Both calls
 * carry the client's own API key, so the query side gets no more power than its caller.
 */
@RestController
public class InternalController {

    public record Ensured(String aggregateId, long version, boolean created, PublishedPosition position) {
    }

    private static final Set<String> GENESYS_DIALECTS = Set.of("genesys-v1", "genesys-v2");

    private final SessionWrites writes;

    public InternalController(SessionWrites writes) {
        this.writes = writes;
    }

    @GetMapping("/internal/v1/principal")
    public PrincipalView principal(HttpServletRequest request) {
        return PrincipalView.of(RequestContext.of(request).principal());
    }

    /** Genesys get-or-create: an unknown id becomes a new anonymous session, exactly once. */
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
