package io.sessionledger.command.api.ledger.audit;

import io.sessionledger.command.audit.ExportSource;
import io.sessionledger.command.audit.SessionHistory;
import io.sessionledger.command.log.Checkpoint;
import io.sessionledger.command.log.TransparencyLog;
import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports as JSON Lines, proved against a signed checkpoint and checkable offline by the verifier module: a
 * session's events, or a whole tenant's. Audit scope; a tenant's key exports its tenant, the admin key names one.
 */
@RestController
@Tag(name = "Ledger audit: export", description = "JSON Lines exports with inclusion proofs, for the offline verifier; audit scope")
public class ExportController {

    private final ExportSource source;
    private final SessionHistory history;
    private final TransparencyLog log;

    public ExportController(ExportSource source, SessionHistory history, TransparencyLog log) {
        this.source = source;
        this.history = history;
        this.log = log;
    }

    @GetMapping("/ledger/v1/sessions/{sessionId}/export")
    @Operation(summary = "A session's events as JSON Lines, each with its inclusion proof against the checkpoint on "
            + "the first line (the latest, or ?treeSize= of a stored one); events after that checkpoint are left out")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = ExportWriter.NDJSON, examples = @ExampleObject(value = AuditExamples.EXPORT)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "no such session, or no checkpoint of that tree size",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NO_CHECKPOINT)))
    public void session(HttpServletRequest request, HttpServletResponse response, @PathVariable String sessionId,
                        @RequestParam(required = false) String tenantId,
                        @RequestParam(required = false) String treeSize) throws IOException {
        String aggregateId = AuditAccess.session(request, sessionId, tenantId);
        Checkpoint checkpoint = checkpoint(treeSize);
        if (!history.exists(aggregateId)) {
            SessionRef ref = SessionRef.parse(aggregateId);
            throw new ApiException(ApiError.notFound("no session " + ref.sessionId() + " in tenant " + ref.tenantId()));
        }
        ExportWriter.write(response, checkpoint, log,
                sink -> source.session(aggregateId, checkpoint.treeSize(), sink));
    }

    @GetMapping("/ledger/v1/export")
    @Operation(summary = "Every event of a tenant (the key's; the admin key names it with ?tenantId=) as JSON Lines, "
            + "in log order, each with its inclusion proof against the checkpoint on the first line")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = ExportWriter.NDJSON, examples = @ExampleObject(value = AuditExamples.EXPORT)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "no checkpoint of that tree size",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NO_SUCH_CHECKPOINT)))
    @ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NO_CHECKPOINT)))
    public void tenant(HttpServletRequest request, HttpServletResponse response,
                       @RequestParam(required = false) String tenantId,
                       @RequestParam(required = false) String treeSize) throws IOException {
        String tenant = AuditAccess.tenant(request, tenantId);
        Checkpoint checkpoint = checkpoint(treeSize);
        ExportWriter.write(response, checkpoint, log, sink -> source.tenant(tenant, checkpoint.treeSize(), sink));
    }

    /** The latest checkpoint, or the stored one of the tree size asked for. */
    private Checkpoint checkpoint(String treeSize) {
        if (treeSize == null) {
            return log.latest().orElseThrow(() -> new ApiException(ApiError.unavailable(
                    "no checkpoint has been signed yet")));
        }
        long size = AuditAccess.number("treeSize", treeSize, 1, Long.MAX_VALUE);
        return log.at(size).orElseThrow(() -> new ApiException(ApiError.notFound("no checkpoint of tree size " + size
                + " was signed; GET /ledger/v1/log/checkpoint names the latest")));
    }
}
