package io.sessionledger.command.api.ledger;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.command.security.ApiKeys;
import io.sessionledger.command.security.KeyLimits;
import io.sessionledger.service.security.Principal;
import io.sessionledger.command.security.RateLimit;
import io.sessionledger.command.security.RevocationPublisher;
import io.sessionledger.events.SessionRef;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.sessionledger.dialect.ledger.LedgerExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: issue and revoke tenant API keys (admin key only; see ApiKeyFilter). */
@RestController
@RequestMapping("/ledger/v1/api-keys")
@Tag(name = "Ledger admin: API keys", description = "admin key only")
public class ApiKeyController {

    /** The one answer that shows the key itself; {@code agents} / {@code apps} null means any. */
    public record IssuedKey(String id, String key, String tenantId, String name, List<String> scopes,
                            List<String> agents, List<String> apps, RateLimit rateLimit, Instant createdAt) {

        static IssuedKey of(ApiKeys.Issued issued) {
            Principal principal = issued.principal();
            return new IssuedKey(principal.keyId(), issued.key(), principal.tenantId(), principal.name(),
                    List.copyOf(principal.scopes()),
                    principal.agents() == null ? null : List.copyOf(principal.agents()),
                    principal.apps() == null ? null : List.copyOf(principal.apps()),
                    RateLimit.of(principal.requestsPerSecond()), issued.createdAt());
        }
    }

    static final String CONSISTENCY_HEADER = "x-ledger-consistency";
    private static final Set<String> FIELDS = fields();

    private final ApiKeys apiKeys;
    private final RevocationPublisher revocations;

    public ApiKeyController(ApiKeys apiKeys, RevocationPublisher revocations) {
        this.apiKeys = apiKeys;
        this.revocations = revocations;
    }

    @PostMapping
    @Operation(summary = "Issue an API key (shown once; only its hash is kept)", description = "scopes: some of "
            + "sessions, audit, erase (all when absent); agents/apps: limit the key (any when absent); rateLimit: the "
            + "key's quota (the default when absent).", requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = LedgerExamples.ISSUE_KEY))))
    @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.ISSUED_KEY)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.INVALID)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    public ResponseEntity<IssuedKey> issue(JsonBody body) {
        body.allowOnly(FIELDS);
        String tenantId = body.text("tenantId", 63);
        String name = body.text("name", 200);
        if (!SessionRef.isTenantId(tenantId)) {
            throw new ApiException(ApiError.badRequest(
                    "tenantId is required: 1-63 characters of lower-case letters, digits and . _ -"));
        }
        if (name == null) {
            throw new ApiException(ApiError.badRequest("name is required"));
        }
        KeyLimits limits = KeyLimitsReader.read(body);
        return ResponseEntity.status(HttpStatus.CREATED).body(IssuedKey.of(apiKeys.issue(tenantId, name, limits)));
    }

    /**
     * Revoked in the database first (the truth, and this service's cache at once), then announced to the
     * query sides; when Kafka does not acknowledge in time, {@code x-ledger-consistency: pending} says that
     * they may accept the key until their cache expires.
     */
    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "Takes effect on every service at once.")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = LedgerExamples.NOT_FOUND)))
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        Instant revokedAt = apiKeys.revoke(id)
                .orElseThrow(() -> new ApiException(ApiError.notFound("no live API key with that id")));
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        if (!revocations.publish(id, revokedAt)) {
            answer.header(CONSISTENCY_HEADER, "pending");
        }
        return answer.build();
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(KeyLimitsReader.FIELDS);
        fields.add("tenantId");
        fields.add("name");
        return Set.copyOf(fields);
    }
}
