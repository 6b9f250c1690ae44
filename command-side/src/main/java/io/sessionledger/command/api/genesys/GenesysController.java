package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.ApiError;
import io.sessionledger.command.api.web.ApiException;
import io.sessionledger.command.api.web.Inputs;
import io.sessionledger.command.api.web.JsonBody;
import io.sessionledger.command.api.web.RequestContext;
import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.session.AssociateUser;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
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
        GenesysRequest genesys = GenesysRequest.of(version, tenantId, RequestContext.of(request));
        body.allowOnly(BODY_FIELDS);
        SessionRef ref = new SessionRef(genesys.context().tenantId(), "s-" + UUID.randomUUID());
        CreateSession command = new CreateSession(ref, SessionScope.TENANT,
                new Parties(header(AGENT_HEADER, agentId), header(CUSTOMER_HEADER, customerId), null, null),
                new ExternalKeys(body.text("visitId", GenesysRequest.MAX_ID),
                        body.text("globalVisitId", GenesysRequest.MAX_ID), null, null),
                SessionDetails.NONE);
        return GenesysResponses.of(genesys, writes.send(command, genesys.context(), genesys.dialect()));
    }

    @PostMapping("/{sessionId}")
    public ResponseEntity<Object> associate(@PathVariable String version, @PathVariable String sessionId,
                                            @RequestParam(required = false) String tenantId,
                                            @RequestHeader(name = AGENT_HEADER, required = false) String agentId,
                                            @RequestHeader(name = CUSTOMER_HEADER, required = false)
                                            String customerId,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            JsonBody body, HttpServletRequest request) {
        GenesysRequest genesys = GenesysRequest.of(version, tenantId, RequestContext.of(request));
        body.allowOnly(BODY_FIELDS);
        AssociateUser command = new AssociateUser(genesys.session(sessionId), header(AGENT_HEADER, agentId),
                header(CUSTOMER_HEADER, customerId), body.text("visitId", GenesysRequest.MAX_ID),
                body.text("globalVisitId", GenesysRequest.MAX_ID), expectedVersion(ifMatch));
        return GenesysResponses.of(genesys, writes.send(command, genesys.context(), genesys.dialect()));
    }

    private static String header(String name, String value) {
        return Inputs.text(name, value, GenesysRequest.MAX_ID);
    }

    /** {@code If-Match: "3"} (our extension): the version the client last saw; {@code *} means any. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String digits = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!digits.matches("\\d{1,18}")) {
            throw new ApiException(new ApiError(HttpStatus.PRECONDITION_FAILED, "precondition_failed",
                    "If-Match must be a session version as given in the ETag"));
        }
        return Long.parseLong(digits);
    }
}
