package io.sessionledger.dialect.vectara;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * Reads the fields of one Vectara body and collects what is wrong with each, so that a client learns every
 * problem in one answer. Metadata problems alone are {@code invalid_metadata}; anything else makes the whole
 * answer {@code invalid_request}.
 */
final class FieldChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonBody body;
    private final Map<String, String> errors = new TreeMap<>();

    FieldChecks(JsonBody body) {
        this.body = body;
    }

    String key(String field) {
        String key = string(field);
        if (key != null && !VectaraRules.isKey(key, VectaraRules.MAX_KEY)) {
            return fail(field, "'" + field + "' must be 1-" + VectaraRules.MAX_KEY
                    + " characters of 0-9 a-z A-Z _ -");
        }
        return key;
    }

    /** Not blank, at most 255 characters, no control characters: a name is one line of text. */
    String name(String field) {
        String name = string(field);
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            return fail(field, "'" + field + "' must not be blank");
        }
        if (name.codePointCount(0, name.length()) > VectaraRules.MAX_NAME) {
            return fail(field, "'" + field + "' is longer than " + VectaraRules.MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return fail(field, "'" + field + "' must not contain control characters");
        }
        return name;
    }

    /** May be empty (that clears it) and span lines; other control characters are refused. */
    String description(String field) {
        String description = string(field);
        if (description == null) {
            return null;
        }
        if (description.codePointCount(0, description.length()) > VectaraRules.MAX_DESCRIPTION) {
            return fail(field, "'" + field + "' is longer than " + VectaraRules.MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return fail(field, "'" + field + "' must not contain control characters other than tab and line breaks");
        }
        return description;
    }

    ObjectNode metadata(String field) {
        JsonNode value = body.raw(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode metadata)) {
            return fail(field, "'" + field + "' must be a JSON object");
        }
        if (depth(metadata) > VectaraRules.MAX_METADATA_DEPTH) {
            return fail(field, "'" + field + "' nests deeper than " + VectaraRules.MAX_METADATA_DEPTH
                    + " levels");
        }
        if (serializedSize(metadata) > VectaraRules.MAX_METADATA_BYTES) {
            return fail(field, "'" + field + "' is larger than " + VectaraRules.MAX_METADATA_BYTES
                    + " bytes as JSON");
        }
        return metadata;
    }

    Boolean bool(String field) {
        JsonNode value = body.raw(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            return fail(field, "'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    boolean hasError(String field) {
        return errors.containsKey(field);
    }

    <T> T fail(String field, String message) {
        errors.put(field, message);
        return null;
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        boolean onlyMetadata = errors.keySet().stream().allMatch(field -> field.equals("metadata"));
        String message = errors.size() == 1 ? errors.values().iterator().next()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.keySet());
        throw new ApiException(new ApiError(HttpStatus.BAD_REQUEST, onlyMetadata ? "invalid_metadata"
                : "invalid_request", message, errors, null));
    }

    private String string(String field) {
        JsonNode value = body.raw(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return fail(field, "'" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** An object or array is one level more than its deepest member; {@code {}} is one level. */
    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static int serializedSize(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }
}
