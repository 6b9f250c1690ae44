package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.command.log.TransparencyLog;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger-wide Merkle log (RFC 6962): the latest signed checkpoint, the key that signs it, and proofs. They hold
 * hashes only, so any key with the audit scope may read them, whatever its tenant.
 */
@RestController
@Tag(name = "Ledger audit: log", description = "RFC 6962 Merkle log of every event, C2SP signed checkpoints; audit scope")
public class LogController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proof(long treeSize, Long leafIndex, List<String> hashes) {
    }

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final TransparencyLog log;

    public LogController(TransparencyLog log) {
        this.log = log;
    }

    @GetMapping(value = "/ledger/v1/log/checkpoint", produces = "text/plain")
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint signed note)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain", examples = @ExampleObject(value = AuditExamples.CHECKPOINT)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"code\":\"unavailable\",\"description\":\"no checkpoint has been signed yet\"}")))
    public ResponseEntity<String> checkpoint(HttpServletRequest request) {
        AuditAccess.requireAudit(request);
        String note = log.latest().orElseThrow(() -> new ApiException(ApiError.unavailable(
                "no checkpoint has been signed yet"))).note();
        return ResponseEntity.ok().contentType(TEXT).body(note);
    }

    @GetMapping(value = "/ledger/v1/log/public-key", produces = "text/plain")
    @Operation(summary = "The checkpoints' verifier key: <name>+<hex key hash>+<base64(0x01 || Ed25519 key)>")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain", examples = @ExampleObject(value = AuditExamples.PUBLIC_KEY)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    public ResponseEntity<String> publicKey(HttpServletRequest request) {
        AuditAccess.requireAudit(request);
        return ResponseEntity.ok().contentType(TEXT).body(log.key().verifierKey() + "\n");
    }

    @GetMapping("/ledger/v1/log/proofs/inclusion")
    @Operation(summary = "Audit path of leaf leafIndex in the tree of treeSize leaves (RFC 6962 §2.1.1)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.INCLUSION)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    public Proof inclusion(HttpServletRequest request, @RequestParam(required = false) String leafIndex,
                           @RequestParam(required = false) String treeSize) {
        AuditAccess.requireAudit(request);
        long size = log.size();
        long tree = AuditAccess.number("treeSize", treeSize, 1, Math.max(1, size));
        requireWithin(tree, size);
        long leaf = AuditAccess.number("leafIndex", leafIndex, 0, tree - 1);
        return new Proof(tree, leaf, base64(log.inclusionProof(leaf, tree)));
    }

    @GetMapping("/ledger/v1/log/proofs/consistency")
    @Operation(summary = "Proof that the tree of `to` leaves extends the tree of `from` leaves (RFC 6962 §2.1.2)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.CONSISTENCY)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    public Proof consistency(HttpServletRequest request, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to) {
        AuditAccess.requireAudit(request);
        long size = log.size();
        long newer = AuditAccess.number("to", to, 1, Math.max(1, size));
        requireWithin(newer, size);
        long older = AuditAccess.number("from", from, 1, newer);
        return new Proof(newer, null, base64(log.consistencyProof(older, newer)));
    }

    private static void requireWithin(long treeSize, long logSize) {
        if (treeSize > logSize) {
            throw new ApiException(ApiError.badRequest("the log has no leaves yet"));
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
