package io.sessionledger.command.api.ledger.audit;

import io.sessionledger.command.audit.Failure;
import io.sessionledger.command.audit.LedgerVerifier;
import io.sessionledger.command.audit.SessionVerifier;
import io.sessionledger.command.audit.VerificationRuns;
import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Verification of a session's chain (audit scope) and of the whole ledger (admin key, in the background). */
@RestController
@Tag(name = "Ledger audit: verification", description = "recompute hashes and the Merkle log from the stored events")
public class VerifyController {

    public record SessionVerification(boolean valid, String tenantId, String sessionId, long eventsChecked,
                                      String headHash, Failure failure) {
    }

    public record RunView(String id, String state, Instant startedAt, long eventsChecked, long sessionsChecked,
                          long checkpointsChecked, LedgerVerifier.Result result, String error) {
        static RunView of(VerificationRuns.Run run) {
            LedgerVerifier.Result result = run.result().get();
            String error = run.error().get();
            String state = error != null ? "failed" : result != null ? "done" : "running";
            return new RunView(run.id(), state, run.startedAt(), run.progress().eventsChecked.get(),
                    run.progress().sessionsChecked.get(), run.progress().checkpointsChecked.get(), result, error);
        }
    }

    private final SessionVerifier sessions;
    private final VerificationRuns runs;

    public VerifyController(SessionVerifier sessions, VerificationRuns runs) {
        this.sessions = sessions;
        this.runs = runs;
    }

    @GetMapping("/ledger/v1/sessions/{sessionId}/verify")
    @Operation(summary = "Recompute the session's hash chain from its stored events; says which event failed and why")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "valid", value = AuditExamples.VALID),
            @ExampleObject(name = "tampered", value = AuditExamples.INVALID_CHAIN)}))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NOT_FOUND)))
    public SessionVerification verifySession(HttpServletRequest request, @PathVariable String sessionId,
                                             @RequestParam(required = false) String tenantId) {
        String aggregateId = AuditAccess.session(request, sessionId, tenantId);
        SessionVerifier.Result result = sessions.verify(aggregateId);
        SessionRef ref = SessionRef.parse(aggregateId);
        if (result.eventsChecked() == 0 && result.failure() == null) {
            throw new ApiException(ApiError.notFound("no session " + ref.sessionId() + " in tenant " + ref.tenantId()));
        }
        return new SessionVerification(result.valid(), ref.tenantId(), ref.sessionId(), result.eventsChecked(),
                result.headHash(), result.failure());
    }

    @PostMapping("/ledger/v1/verify")
    @Operation(summary = "Start verifying the whole ledger (admin key): every chain, and the log against every checkpoint")
    @ApiResponse(responseCode = "202", description = "started; poll the Location for progress and the result",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.RUN)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    public ResponseEntity<RunView> verifyLedger() {
        VerificationRuns.Run run = runs.start();
        return ResponseEntity.accepted().location(URI.create("/ledger/v1/verify/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/ledger/v1/verify/{runId}")
    @Operation(summary = "Progress and, once done, the result of a whole-ledger verification (admin key)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.RUN_DONE)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.NO_RUN)))
    public RunView run(@PathVariable String runId) {
        return runs.find(runId).map(RunView::of)
                .orElseThrow(() -> new ApiException(ApiError.notFound("no verification run with that id")));
    }
}
