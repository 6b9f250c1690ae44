package io.sessionledger.command.api.ledger.audit;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.privacy.Erasure;
import io.sessionledger.command.session.ErasePersonalData;
import io.sessionledger.events.SessionRef;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a data subject (crypto-shredding): keys with the {@code erase} scope. The subject is named by the
 * caller and used only to compute its keyed hash: it is not stored, logged or echoed.
 */
@RestController
@Tag(name = "Ledger: erasure", description = "erase scope; a tenant's key erases in its tenant, the admin key in any (?tenantId=)")
public class ErasureController {

    /**
     * @param status        {@code erased}, or {@code already_erased} when an earlier erasure left nothing to do
     * @param sessions      sessions that held the subject's data
     * @param events        {@code PersonalDataErased} events this call recorded (one per session that still held any)
     * @param keysDestroyed keys this call destroyed
     */
    public record Erased(String status, int sessions, int events, int keysDestroyed) {
    }

    private static final int MAX_SUBJECT = 256;

    private final Erasure erasure;
    private final SessionWrites writes;

    public ErasureController(Erasure erasure, SessionWrites writes) {
        this.erasure = erasure;
        this.writes = writes;
    }

    @PostMapping("/ledger/v1/subjects/{subjectId}/erase")
    @Operation(summary = "Erase a data subject's personal data everywhere: a customerId or userReference, "
            + "session:<sessionId> for a session nobody is named in, or vectara:<agentKey>:<key>. Idempotent.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.ERASED)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN_ERASE)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNKNOWN_SUBJECT)))
    public Erased erase(HttpServletRequest request, @PathVariable String subjectId,
                        @RequestParam(required = false) String tenantId) {
        Principal principal = AuditAccess.requireScope(request, Principal.ERASE);
        String tenant = AuditAccess.tenant(principal, tenantId);
        if (subjectId.isEmpty() || subjectId.length() > MAX_SUBJECT || subjectId.chars().anyMatch(Character::isISOControl)
                || (Erasure.isSessionSubject(subjectId) && !SessionRef.isSessionId(subjectId.substring(8)))) {
            throw new ApiException(ApiError.badField("subjectId", "subjectId is 1-256 characters without control "
                    + "characters; a session subject is session:<sessionId>"));
        }
        Erasure.Subject subject = erasure.find(tenant, subjectId);
        if (subject.unknown()) {
            throw new ApiException(ApiError.notFound("the ledger holds no personal data of this subject in tenant "
                    + tenant + " (nothing to erase)"));
        }
        RequestContext context = RequestContext.of(request);
        int events = 0;
        for (String session : subject.sessions()) {
            SessionWrites.Result result = writes.send(new ErasePersonalData(SessionRef.parse(session), subject.ref()),
                    context, "ledger");
            events += result.outcome().changed() ? 1 : 0;
        }
        int destroyed = erasure.destroyKeys(subject);
        String status = events > 0 || destroyed > 0 ? "erased" : "already_erased";
        return new Erased(status, subject.sessions().size(), events, destroyed);
    }
}
