package io.sessionledger.query.api.vectara;

import static io.sessionledger.dialect.vectara.VectaraExamples.AGENT_NOT_FOUND;
import static io.sessionledger.dialect.vectara.VectaraExamples.FORBIDDEN;
import static io.sessionledger.dialect.vectara.VectaraExamples.INVALID_LIST_REQUEST;
import static io.sessionledger.dialect.vectara.VectaraExamples.INVALID_SESSION_KEY;
import static io.sessionledger.dialect.vectara.VectaraExamples.RATE_LIMITED;
import static io.sessionledger.dialect.vectara.VectaraExamples.SESSION;
import static io.sessionledger.dialect.vectara.VectaraExamples.SESSION_LIST;
import static io.sessionledger.dialect.vectara.VectaraExamples.SESSION_NOT_FOUND;
import static io.sessionledger.dialect.vectara.VectaraExamples.UNAUTHORIZED;
import static io.sessionledger.dialect.vectara.VectaraExamples.UNAVAILABLE;

import io.sessionledger.dialect.vectara.VectaraSession;
import io.sessionledger.dialect.vectara.VectaraSessionList;
import io.sessionledger.query.api.Reads;
import io.sessionledger.service.security.ApiKeyFilter;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vectara-style agent session reads (seed 004): one session by key, and an agent's sessions in key order. Both
 * see every write acknowledged before them; {@code x-ledger-consistency: eventual} skips that wait.
 */
@RestController
@RequestMapping("/v2/agents/{agent_key}/sessions")
@Tag(name = "Vectara agent sessions")
@ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "no 'sessions' scope, or the key may not use this agent",
        content = @Content(mediaType = "application/json", examples = @ExampleObject(value = FORBIDDEN)))
@ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = RATE_LIMITED)))
@ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = UNAVAILABLE)))
public class VectaraSessionReadController {

    private final VectaraSessionReads reads;

    public VectaraSessionReadController(VectaraSessionReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "List an agent's sessions", description = "In key order, a page at a time. filter is a "
            + "regular expression (RE2 syntax, at most 256 characters) that the name or the description must contain. "
            + "A filtered page may be short, even empty, and still carry a page_key: the scan is bounded per request.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = SESSION_LIST)))
    @ApiResponse(responseCode = "400", description = "bad filter, limit or page_key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = INVALID_LIST_REQUEST)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = AGENT_NOT_FOUND)))
    public ResponseEntity<VectaraSessionList> list(
            @PathVariable("agent_key") String agentKey,
            @Parameter(description = "regular expression on name and description", example = "^Support")
            @RequestParam(required = false) String filter,
            @Parameter(description = "page size, 1-100", example = "10")
            @RequestParam(required = false) String limit,
            @Parameter(description = "metadata.page_key of the previous page")
            @RequestParam(name = "page_key", required = false) String pageKey,
            HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        String agent = reads.agent(context.principal(), agentKey, request.getHeader(ApiKeyFilter.HEADER));
        VectaraSessionReads.Page page = reads.list(context.tenantId(), agent, filter, pageKey, limit,
                Reads.eventual(request));
        return Reads.ok(page.fresh()).body(VectaraSessionList.of(
                page.sessions().stream().map(VectaraSession::of).toList(), page.nextPageKey()));
    }

    @GetMapping("/{session_key}")
    @Operation(summary = "Get an agent session", description = "ETag is the session's version, for If-Match.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = SESSION)))
    @ApiResponse(responseCode = "400", description = "a session_key that cannot exist", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = INVALID_SESSION_KEY)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "agent_not_found", value = AGENT_NOT_FOUND),
            @ExampleObject(name = "session_not_found", value = SESSION_NOT_FOUND)}))
    public ResponseEntity<VectaraSession> get(@PathVariable("agent_key") String agentKey,
                                              @PathVariable("session_key") String sessionKey,
                                              HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        String agent = reads.agent(context.principal(), agentKey, request.getHeader(ApiKeyFilter.HEADER));
        VectaraSessionReads.One one = reads.get(context.tenantId(), agent, sessionKey, Reads.eventual(request));
        return Reads.ok(one.session(), one.fresh()).body(VectaraSession.of(one.session()));
    }
}
