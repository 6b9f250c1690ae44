package io.sessionledger.command.api.vectara;

import static io.sessionledger.dialect.vectara.VectaraExamples.AGENT_NOT_FOUND;
import static io.sessionledger.dialect.vectara.VectaraExamples.CONFLICT;
import static io.sessionledger.dialect.vectara.VectaraExamples.FORBIDDEN;
import static io.sessionledger.dialect.vectara.VectaraExamples.INVALID_METADATA;
import static io.sessionledger.dialect.vectara.VectaraExamples.INVALID_REQUEST;
import static io.sessionledger.dialect.vectara.VectaraExamples.PRECONDITION_FAILED;
import static io.sessionledger.dialect.vectara.VectaraExamples.RATE_LIMITED;
import static io.sessionledger.dialect.vectara.VectaraExamples.SESSION;
import static io.sessionledger.dialect.vectara.VectaraExamples.SESSION_NOT_FOUND;
import static io.sessionledger.dialect.vectara.VectaraExamples.TOO_LARGE;
import static io.sessionledger.dialect.vectara.VectaraExamples.UNAUTHORIZED;
import static io.sessionledger.dialect.vectara.VectaraExamples.UNSUPPORTED_MEDIA_TYPE;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.dialect.Versions;
import io.sessionledger.dialect.vectara.VectaraExamples;
import io.sessionledger.dialect.vectara.VectaraRequests;
import io.sessionledger.dialect.vectara.VectaraRules;
import io.sessionledger.dialect.vectara.VectaraSession;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vectara-style agent session writes (seed 004). Reads (get, list) live on the query side. */
@RestController
@RequestMapping("/v2/agents/{agent_key}/sessions")
@Tag(name = "Vectara agent sessions", description = "Sessions of a registered agent, found by their key")
@ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "no 'sessions' scope, or the key may not use this agent",
        content = @Content(mediaType = "application/json", examples = @ExampleObject(value = FORBIDDEN)))
@ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = RATE_LIMITED)))
public class VectaraSessionController {

    private final VectaraSessions sessions;

    public VectaraSessionController(VectaraSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Create an agent session", description = "key is unique per agent; without one it is "
            + "generated from the name. Unknown fields are ignored.", requestBody = @RequestBody(required = true,
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "every field", value = VectaraExamples.CREATE_BODY),
                    @ExampleObject(name = "generated key", value = VectaraExamples.CREATE_BODY_MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "the new session; ETag is its version", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = SESSION)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "invalid_request", value = INVALID_REQUEST),
            @ExampleObject(name = "invalid_metadata", value = INVALID_METADATA)}))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = AGENT_NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "the key belongs to another session of the agent",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CONFLICT)))
    @ApiResponse(responseCode = "413", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = TOO_LARGE)))
    @ApiResponse(responseCode = "415", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = UNSUPPORTED_MEDIA_TYPE)))
    public ResponseEntity<VectaraSession> create(@PathVariable("agent_key") String agentKey, JsonBody body,
                                                 HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        String agent = sessions.agent(context, agentKey);
        SessionWrites.Result result = sessions.create(context, agent, VectaraRequests.create(body));
        VectaraSession session = VectaraSession.of(result.session());
        return result.respond(HttpStatus.CREATED)
                .location(URI.create("/v2/agents/" + agent + "/sessions/" + session.key())).body(session);
    }

    @PatchMapping("/{session_key}")
    @Operation(summary = "Update an agent session", description = "Changes name, description, metadata (replaced "
            + "wholly) and enabled; absent or null fields stay as they are. If-Match (the ETag) makes it conditional.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "rename, replace metadata, disable",
                            value = VectaraExamples.UPDATE_BODY))))
    @ApiResponse(responseCode = "200", description = "the session after the change; ETag is its version",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = SESSION)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "invalid_request", value = INVALID_REQUEST),
            @ExampleObject(name = "invalid_metadata", value = INVALID_METADATA)}))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "agent_not_found", value = AGENT_NOT_FOUND),
            @ExampleObject(name = "session_not_found", value = SESSION_NOT_FOUND)}))
    @ApiResponse(responseCode = "412", description = "If-Match names another version; nothing changed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = PRECONDITION_FAILED)))
    @ApiResponse(responseCode = "413", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = TOO_LARGE)))
    @ApiResponse(responseCode = "415", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = UNSUPPORTED_MEDIA_TYPE)))
    public ResponseEntity<VectaraSession> update(@PathVariable("agent_key") String agentKey,
                                                 @PathVariable("session_key") String sessionKey,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 JsonBody body, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        String agent = sessions.agent(context, agentKey);
        String key = VectaraRules.sessionKey(sessionKey);
        VectaraRequests.Changes changes = VectaraRequests.update(body);
        SessionWrites.Result result = sessions.update(context, agent, key, changes, Versions.expected(ifMatch));
        return result.respond(HttpStatus.OK).body(VectaraSession.of(result.session()));
    }

    @DeleteMapping("/{session_key}")
    @Operation(summary = "Delete an agent session", description = "Every read and write answers 404 afterwards and "
            + "the key is free for a new session; the history stays in the ledger. If-Match makes it conditional.")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "400", description = "a session_key that cannot exist", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = VectaraExamples.INVALID_SESSION_KEY)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "agent_not_found", value = AGENT_NOT_FOUND),
            @ExampleObject(name = "session_not_found", value = SESSION_NOT_FOUND)}))
    @ApiResponse(responseCode = "412", description = "If-Match names another version; nothing changed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = PRECONDITION_FAILED)))
    public ResponseEntity<Void> delete(@PathVariable("agent_key") String agentKey,
                                       @PathVariable("session_key") String sessionKey,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        String agent = sessions.agent(context, agentKey);
        String key = VectaraRules.sessionKey(sessionKey);
        return sessions.delete(context, agent, key, Versions.expected(ifMatch)).respond(HttpStatus.NO_CONTENT).build();
    }
}
