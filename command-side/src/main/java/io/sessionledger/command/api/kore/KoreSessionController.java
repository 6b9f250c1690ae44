package io.sessionledger.command.api.kore;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.dialect.Versions;
import io.sessionledger.dialect.kore.KoreExamples;
import io.sessionledger.dialect.kore.KoreIdentity;
import io.sessionledger.dialect.kore.KoreSession;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Kore.ai Agent Platform session writes (seed 003). Get and list live on the query side. */
@RestController
@RequestMapping("/api/v2/apps/{appId}/environments/{envName}/sessions")
@Tag(name = KoreSessionController.TAG, description = "The Kore.ai Agent Platform Sessions API: sessions of a "
        + "registered app environment, identified by sessionId, the client's sessionReference and its userReference")
public class KoreSessionController {

    public static final String TAG = "Kore.ai sessions";

    private final KoreAccess access;
    private final KoreSessions sessions;

    public KoreSessionController(KoreAccess access, KoreSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Create or resume a session", description = "sessionIdentity types: sessionId (alias "
            + "sessionIdentity) only retrieves; sessionReference finds or creates the session with that reference "
            + "(unique per app environment); userReference alone always creates a new session for that user, and next "
            + "to a session must be its owner. A new session without a reference gets its sessionId as reference.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", examples = {
                            @ExampleObject(name = "new session for a user", value = KoreExamples.CREATE_BY_USER),
                            @ExampleObject(name = "find or create by reference", value = KoreExamples.CREATE_BY_REFERENCE),
                            @ExampleObject(name = "resume by id", value = KoreExamples.RESUME_BY_ID)})))
    @ApiResponse(responseCode = "201", description = "a new session", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.SESSION)))
    @ApiResponse(responseCode = "200", description = "an existing session (by sessionId or sessionReference)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.SESSION)))
    @ApiResponse(responseCode = "409", description = "the reference kept changing hands under concurrent requests",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.CONFLICT)))
    @KoreWriteErrors
    public ResponseEntity<Object> create(@PathVariable String appId, @PathVariable String envName, JsonBody body,
                                         HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        SessionScope scope = access.open(context, appId, envName);
        KoreSessions.Opened opened = sessions.open(KoreIdentity.of(body), scope, context);
        return respond(opened.result(), opened.created() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @PostMapping("/terminate")
    @Operation(summary = "Terminate a session", description = "Names the session by sessionId or sessionReference; "
            + "a userReference must be its owner. Afterwards the session reads as terminated and refuses every "
            + "change (409). If-Match (the ETag's version) makes it conditional.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.TERMINATE))))
    @ApiResponse(responseCode = "200", description = "the terminated session", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.TERMINATED_SESSION)))
    @ApiResponse(responseCode = "409", description = "already terminated", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.TERMINATED)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.PRECONDITION_FAILED)))
    @KoreWriteErrors
    public ResponseEntity<Object> terminate(@PathVariable String appId, @PathVariable String envName,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        SessionScope scope = access.open(context, appId, envName);
        KoreIdentity identity = KoreIdentity.of(body).requireSession();
        return respond(sessions.terminate(identity, scope, Versions.expected(ifMatch), context), HttpStatus.OK);
    }

    private static ResponseEntity<Object> respond(SessionWrites.Result result, HttpStatus status) {
        return result.respond(status).body(KoreSession.envelope(result.session()));
    }
}
