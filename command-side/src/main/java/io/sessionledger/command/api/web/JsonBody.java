package io.sessionledger.command.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * A request body that is a JSON object (or absent), read strictly: unknown fields, wrong types and
 * oversized values are the client's error, answered with a 400 that names the field.
 */
public record JsonBody(ObjectNode node) {

    public static JsonBody empty() {
        return new JsonBody(JsonNodeFactory.instance.objectNode());
    }

    public JsonBody allowOnly(Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new ApiException(ApiError.badRequest("unknown field '" + abbreviate(name) + "'"));
            }
        }
        return this;
    }

    /** The field as text, or null when absent or null. */
    public String text(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(ApiError.badRequest("'" + field + "' must be a string"));
        }
        return Inputs.text(field, value.textValue(), maxLength);
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
