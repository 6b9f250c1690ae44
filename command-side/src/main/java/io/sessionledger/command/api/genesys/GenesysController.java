package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.session.AssociateUser;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.dialect.Versions;
import io.sessionledger.dialect.genesys.GenesysExamples;
import io.sessionledger.dialect.genesys.GenesysVersion;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.HeaderValues;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Genesys Knowledge Center sessions", description = "v1: the 8.5 form (the key's tenant, bare SessionInfo); "
        + "v2: the later form (tenantId parameter required, answer inside \"response\")")
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
    @Parameter(in = ParameterIn.HEADER, name = AGENT_HEADER, description = "the serving agent (UTF-8, once)",
            example = "agent-7")
    @Parameter(in = ParameterIn.HEADER, name = CUSTOMER_HEADER, description = "the recognised customer (UTF-8, once)",
            example = "customer-42")
    @Operation(summary = "Create a session", description = "Headers gkc_agentId and gkc_customerId name the parties; "
            + "without agent, customer and visit the session is anonymous. The visitId is unique per tenant.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.CREATE_BODY))))
    @ApiResponse(responseCode = "200", description = "the new session (v2 wraps it in \"response\")",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "v1", value = GenesysExamples.SESSION_INFO),
                    @ExampleObject(name = "v2", value = GenesysExamples.SESSION_INFO_V2)}))
    @ApiResponse(responseCode = "400", description = "invalid request, or the visitId belongs to another session",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "invalid_request", value = GenesysExamples.INVALID_REQUEST),
                    @ExampleObject(name = "visit_id_conflict", value = GenesysExamples.VISIT_CONFLICT)}))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "v2: tenantId is not the key's", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "413", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.TOO_LARGE)))
    @ApiResponse(responseCode = "415", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.UNSUPPORTED_MEDIA_TYPE)))
    @ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.RATE_LIMITED)))
    public ResponseEntity<Object> create(@PathVariable String version,
                                         @RequestParam(required = false) String tenantId,
                                         JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        body.allowOnly(BODY_FIELDS);
        SessionRef ref = new SessionRef(context.tenantId(), "s-" + UUID.randomUUID());
        CreateSession command = new CreateSession(ref, SessionScope.TENANT,
                new Parties(header(request, AGENT_HEADER), header(request, CUSTOMER_HEADER), null, null),
                new ExternalKeys(body.text("visitId", MAX_ID), body.text("globalVisitId", MAX_ID), null, null),
                SessionDetails.NONE);
        return respond(genesys, writes.send(command, context, genesys.dialect()));
    }

    @PostMapping("/{sessionId}")
    @Parameter(in = ParameterIn.HEADER, name = AGENT_HEADER, description = "the serving agent (UTF-8, once)",
            example = "agent-7")
    @Parameter(in = ParameterIn.HEADER, name = CUSTOMER_HEADER, description = "the recognised customer (UTF-8, once)",
            example = "customer-42")
    @Operation(summary = "Associate a recognised user with a session", description = "The same customer again "
            + "changes nothing; another customer is refused. An unknown id is created with these parties (8.5). "
            + "If-Match (the ETag's version) makes the write conditional.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.ASSOCIATE_BODY))))
    @ApiResponse(responseCode = "200", description = "the session after the association",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "v1", value = GenesysExamples.SESSION_INFO),
                    @ExampleObject(name = "v2", value = GenesysExamples.SESSION_INFO_V2)}))
    @ApiResponse(responseCode = "400", description = "invalid request, another customer, or another visit",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "invalid_request", value = GenesysExamples.INVALID_REQUEST),
                    @ExampleObject(name = "customer_conflict", value = GenesysExamples.CUSTOMER_CONFLICT),
                    @ExampleObject(name = "visit_id_conflict", value = GenesysExamples.VISIT_CONFLICT)}))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "the session was deleted", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "the session is terminated", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.TERMINATED)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.PRECONDITION_FAILED)))
    @ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.RATE_LIMITED)))
    public ResponseEntity<Object> associate(@PathVariable String version, @PathVariable String sessionId,
                                            @RequestParam(required = false) String tenantId,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        body.allowOnly(BODY_FIELDS);
        AssociateUser command = new AssociateUser(session(context, sessionId), header(request, AGENT_HEADER),
                header(request, CUSTOMER_HEADER), body.text("visitId", MAX_ID),
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

    /** A party header: once at most, UTF-8, bounded (see HeaderValues). */
    private static String header(HttpServletRequest request, String name) {
        return HeaderValues.single(request, name, MAX_ID);
    }
}
