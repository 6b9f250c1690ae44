package io.sessionledger.command.api.ledger;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.command.security.ApiKeys;
import io.sessionledger.events.SessionRef;
import java.time.Instant;
import java.util.Set;
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
public class ApiKeyController {

    public record IssuedKey(String id, String key, String tenantId, String name, Instant createdAt) {
    }

    private final ApiKeys apiKeys;

    public ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    public ResponseEntity<IssuedKey> issue(JsonBody body) {
        body.allowOnly(Set.of("tenantId", "name"));
        String tenantId = body.text("tenantId", 63);
        String name = body.text("name", 200);
        if (!SessionRef.isTenantId(tenantId)) {
            throw new ApiException(ApiError.badRequest(
                    "tenantId is required: 1-63 characters of lower-case letters, digits and . _ -"));
        }
        if (name == null) {
            throw new ApiException(ApiError.badRequest("name is required"));
        }
        ApiKeys.Issued issued = apiKeys.issue(tenantId, name);
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(issued.principal().keyId(),
                issued.key(), tenantId, name, issued.createdAt()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!apiKeys.revoke(id)) {
            throw new ApiException(ApiError.notFound("no live API key with that id"));
        }
        return ResponseEntity.noContent().build();
    }
}
