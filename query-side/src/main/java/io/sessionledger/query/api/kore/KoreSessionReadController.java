package io.sessionledger.query.api.kore;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.dialect.kore.KoreExamples;
import io.sessionledger.dialect.kore.KoreIdentity;
import io.sessionledger.dialect.kore.KoreListRequest;
import io.sessionledger.dialect.kore.KoreSession;
import io.sessionledger.dialect.kore.KoreSessionList;
import io.sessionledger.query.api.Reads;
import io.sessionledger.service.web.Inputs;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kore.ai Agent Platform session reads (seed 003): one session by id or reference, and the list, which is a
 * POST in Kore's API (the edge routes it here). Both see every write acknowledged before them.
 */
@RestController
@RequestMapping("/api/v2/apps/{appId}/environments/{envName}/sessions")
@Tag(name = "Kore.ai sessions")
public class KoreSessionReadController {

    private final KoreReadAccess access;
    private final KoreSessionReads reads;

    public KoreSessionReadController(KoreReadAccess access, KoreSessionReads reads) {
        this.access = access;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "Get a session", description = "By exactly one of sessionId and sessionReference. Sees "
            + "every write acknowledged before it; x-ledger-consistency: eventual skips that wait.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = KoreExamples.SESSION)))
    @ApiResponse(responseCode = "404", description = "no such session (deleted ones included), or the app "
            + "environment is not registered", content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "session_not_found", value = KoreExamples.SESSION_NOT_FOUND),
                    @ExampleObject(name = "app_not_found", value = KoreExamples.APP_NOT_FOUND)}))
    @KoreReadErrors
    public ResponseEntity<Object> get(@PathVariable String appId, @PathVariable String envName,
                                      @RequestParam(required = false) String sessionId,
                                      @RequestParam(required = false) String sessionReference,
                                      HttpServletRequest request) {
        RequestContext context = access.open(request, appId, envName);
        if ((sessionId == null) == (sessionReference == null)) {
            throw Inputs.bad("sessionId", "give exactly one of the query parameters sessionId and sessionReference");
        }
        String tenantId = context.tenantId();
        boolean eventual = Reads.eventual(request);
        KoreSessionReads.Read<SessionView> read = sessionId != null
                ? reads.byId(tenantId, appId, envName, Inputs.text("sessionId", sessionId, KoreIdentity.MAX_VALUE),
                        eventual)
                : reads.byReference(tenantId, appId, envName,
                        Inputs.text("sessionReference", sessionReference, KoreIdentity.MAX_VALUE), eventual);
        return Reads.ok(read.answer(), read.fresh()).body(KoreSession.envelope(read.answer()));
    }

    @PostMapping("/list")
    @Operation(summary = "List sessions", description = "Newest first, optionally filtered by sessionId, "
            + "userReference and a createdAt range (date.start .. date.end, inclusive; ISO-8601 instants, or plain "
            + "dates meaning whole UTC days). offset (default 0) and limit (default 20, at most 100) may be numbers "
            + "or numeric strings; pagination.endIndex is the offset of the next page. filters is accepted and "
            + "ignored (\"for future use\").",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.LIST_BODY))))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = KoreExamples.LIST)))
    @ApiResponse(responseCode = "404", description = "the app environment is not registered", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.APP_NOT_FOUND)))
    @ApiResponse(responseCode = "413", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = KoreExamples.TOO_LARGE)))
    @ApiResponse(responseCode = "415", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = KoreExamples.UNSUPPORTED_MEDIA_TYPE)))
    @KoreReadErrors
    public ResponseEntity<Object> list(@PathVariable String appId, @PathVariable String envName, JsonBody body,
                                       HttpServletRequest request) {
        RequestContext context = access.open(request, appId, envName);
        KoreSessionReads.Read<KoreSessionList> read = reads.list(context.tenantId(), appId, envName,
                KoreListRequest.of(body), Reads.eventual(request));
        return Reads.ok(read.fresh()).body(read.answer());
    }
}
