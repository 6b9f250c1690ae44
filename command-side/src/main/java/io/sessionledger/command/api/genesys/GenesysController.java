package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.session.AssociateUser;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.dialect.Versions;
import io.sessionledger.dialect.genesys.GenesysVersion;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.Inputs;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Genesys Knowledge Center session writes, 8.5 form (v1) and later form (v2). Reads live on the query side. */
@RestController
@RequestMapping("/gks-server/{version:v1|v2}/sessions")
public class GenesysController {

    static final String AGENT_HEADER = "gkc_agentId";
    static final String CUSTOMER_HEADER = "gkc_customerId";
    private static final Set<String> BODY_FIELDS = Set.of("visitId", "globalVisitId");
    private static final int MAX_ID = GenesysVersion.MAX_ID;

    private final SessionWrites writes;

    public GenesysController(SessionWrites writes) {
        this.writes = writes;
    }

    @PutMapping("/new")
    public ResponseEntity<Object> create(@PathVariable String version,
                                         @RequestParam(required = false) String tenantId,
                                         @RequestHeader(name = AGENT_HEADER, required = false) String agentId,
                                         @RequestHeader(name = CUSTOMER_HEADER, required = false) String customerId,
                                         JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        body.allowOnly(BODY_FIELDS);
        SessionRef ref = new SessionRef(context.tenantId(), "s-" + UUID.randomUUID());
        CreateSession command = new CreateSession(ref, SessionScope.TENANT,
                new Parties(header(AGENT_HEADER, agentId), header(CUSTOMER_HEADER, customerId), null, null),
                new ExternalKeys(body.text("visitId", MAX_ID), body.text("globalVisitId", MAX_ID), null, null),
                SessionDetails.NONE);
        return respond(genesys, writes.send(command, context, genesys.dialect()));
    }

    @PostMapping("/{sessionId}")
    public ResponseEntity<Object> associate(@PathVariable String version, @PathVariable String sessionId,
                                            @RequestParam(required = false) String tenantId,
                                            @RequestHeader(name = AGENT_HEADER, required = false) String agentId,
                                            @RequestHeader(name = CUSTOMER_HEADER, required = false)
                                            String customerId,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        body.allowOnly(BODY_FIELDS);
        AssociateUser command = new AssociateUser(session(context, sessionId), header(AGENT_HEADER, agentId),
                header(CUSTOMER_HEADER, customerId), body.text("visitId", MAX_ID),
                body.text("globalVisitId", MAX_ID), Versions.expected(ifMatch));
        return respond(genesys, writes.send(command, context, genesys.dialect()));
    }

    private static ResponseEntity<Object> respond(GenesysVersion genesys, SessionWrites.Result result) {
        return result.respond(HttpStatus.OK).body(genesys.body(result.session()));
    }

    static SessionRef session(RequestContext context, String sessionId) {
        if (!SessionRef.isSessionId(sessionId)) {
            throw new ApiException(ApiError.badRequest(
                    "sessionId must be 1-128 characters of letters, digits and . _ ~ @ -"));
        }
        return new SessionRef(context.tenantId(), sessionId);
    }

    private static String header(String name, String value) {
        return Inputs.text(name, value, MAX_ID);
    }
}
