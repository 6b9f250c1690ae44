package io.sessionledger.command.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.command.privacy.SubjectKeys;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data keys for the query side, which opens sealed personal data to project it (admin key only: the services'
 * own credential). A key absent from the answer was destroyed: the values under it are erased.
 */
@RestController
public class PersonalDataKeysController {

    /** One key: its secret (base64) and its subject's keyed hash, so that an erasure can drop it from caches. */
    public record KeyView(String keyId, String secret, String subjectRef) {
    }

    public record Keys(List<KeyView> keys) {
    }

    private static final int MAX_IDS = 10_000;

    private final SubjectKeys keys;

    public PersonalDataKeysController(SubjectKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/internal/v1/personal-data-keys")
    public Keys keys(JsonBody json) {
        JsonNode body = json.node();
        JsonNode ids = body.path("keyIds");
        if (!ids.isArray() || ids.size() > MAX_IDS) {
            throw new ApiException(ApiError.badField("keyIds", "keyIds is an array of at most " + MAX_IDS + " ids"));
        }
        List<String> wanted = new ArrayList<>(ids.size());
        ids.forEach(id -> wanted.add(id.asText()));
        Map<String, SubjectKeys.Held> found = keys.byIds(wanted);
        return new Keys(found.values().stream()
                .map(held -> new KeyView(held.key().id(), held.key().secretBase64(), held.subjectRef()))
                .toList());
    }
}
