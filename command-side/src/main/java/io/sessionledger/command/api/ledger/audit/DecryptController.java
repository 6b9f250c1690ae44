package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.command.privacy.SubjectKeys;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal data is sealed wherever it is copied (the store, the topic, exports); a consumer entitled to it (a key
 * with the {@code audit} scope, of the data's tenant) opens it here. Values whose subject was erased open as null.
 */
@RestController
@Tag(name = "Ledger audit: personal data", description = "audit scope; a tenant's key opens its tenant's values, the admin key any")
public class DecryptController {

    public record Opened(List<String> values) {
    }

    private static final int MAX_VALUES = 1000;

    private final SubjectKeys keys;

    public DecryptController(SubjectKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/ledger/v1/personal-data/decrypt")
    @Operation(summary = "Open sealed personal-data values (enc:v1:...), as found in events, exports and topic records. "
            + "The field name is needed too: send {\"values\": [...], \"field\": \"customerId\"} or pairs in \"fields\".")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.DECRYPT_REQUEST)))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.DECRYPTED)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.BAD_REQUEST)))
    @ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = AuditExamples.FORBIDDEN)))
    public Opened decrypt(HttpServletRequest request, JsonBody json) {
        JsonNode body = json.node();
        Principal principal = AuditAccess.requireAudit(request);
        JsonNode values = body.path("values");
        JsonNode fields = body.path("fields");
        String field = body.path("field").isTextual() ? body.path("field").textValue() : null;
        if (!values.isArray() || values.size() > MAX_VALUES
                || (field == null && (!fields.isArray() || fields.size() != values.size()))) {
            throw new ApiException(ApiError.badField("values", "send {\"values\": [sealed strings, at most "
                    + MAX_VALUES + "], \"field\": name} or \"fields\": [one name per value]"));
        }
        List<String> opened = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String name = field != null ? field : fields.get(i).asText();
            if (!value.isTextual() || SealedValue.keyIdOf(value.textValue()) == null) {
                throw new ApiException(ApiError.badField("values", "values[" + i + "] is not a sealed value (enc:v1:...)"));
            }
            opened.add(open(principal, name, value.textValue()));
        }
        return new Opened(opened);
    }

    private String open(Principal principal, String field, String sealed) {
        Optional<SubjectKeys.Held> held = keys.byId(SealedValue.keyIdOf(sealed));
        if (held.isEmpty() || !(principal.isAdmin() || held.get().tenantId().equals(principal.tenantId()))) {
            return null; // erased, or another tenant's: the same answer, so as to tell nothing about other tenants
        }
        try {
            return SealedValue.open(held.get().key(), field, sealed);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.badField("values", "a value does not open: altered, or not a " + field));
        }
    }
}
