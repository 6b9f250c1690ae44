package io.sessionledger.query.api.genesys;

import io.sessionledger.dialect.genesys.GenesysVersion;
import io.sessionledger.query.api.Reads;
import io.sessionledger.service.security.ApiKeyFilter;
import io.sessionledger.service.web.RequestContext;
import io.sessionledger.dialect.genesys.GenesysExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Genesys Knowledge Center reads: v1 (8.5, the key's tenant, bare body) and v2 (explicit tenant, wrapped).
 * The {@code gkc_agentId} and {@code gkc_customerId} headers are accepted and ignored on GET: associating a
 * user is what POST is for, and a read that silently wrote would surprise.
 */
@RestController
@Tag(name = "Genesys Knowledge Center sessions")
public class GenesysSessionController {

    private final GenesysSessionReads reads;

    public GenesysSessionController(GenesysSessionReads reads) {
        this.reads = reads;
    }

    @GetMapping("/gks-server/{version:v1|v2}/sessions/{sessionId}")
    @Operation(summary = "Get a session", description = "Sees every write acknowledged before it (read-your-writes). "
            + "An unknown id is created as an anonymous session, exactly once. x-ledger-consistency: eventual skips "
            + "the wait and never creates.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "v1", value = GenesysExamples.SESSION_INFO),
            @ExampleObject(name = "v2", value = GenesysExamples.SESSION_INFO_V2)}))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.INVALID_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "deleted, or unknown with x-ledger-consistency: eventual",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = GenesysExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.RATE_LIMITED)))
    @ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = GenesysExamples.UNAVAILABLE)))
    public ResponseEntity<Object> get(@PathVariable String version, @PathVariable String sessionId,
                                      @RequestParam(required = false) String tenantId, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        GenesysSessionReads.Read read = Reads.eventual(request)
                ? reads.readEventually(context.tenantId(), sessionId)
                : reads.read(context.tenantId(), sessionId, forwarded(request, context, genesys.dialect()));
        return Reads.ok(read.session(), read.fresh()).body(genesys.body(read.session()));
    }

    private static EnsureSessionClient.Forwarded forwarded(HttpServletRequest request, RequestContext context,
                                                           String dialect) {
        return new EnsureSessionClient.Forwarded(request.getHeader(ApiKeyFilter.HEADER), context.requestId(),
                context.correlationId(), dialect);
    }
}
