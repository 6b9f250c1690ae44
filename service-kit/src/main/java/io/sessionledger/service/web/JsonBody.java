package io.sessionledger.service.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request body that is a JSON object (or absent). Wrong types and oversized values are the client's error,
 * answered with a 400 that names the field. Unknown fields are refused only where a dialect asks for it
 * ({@link #allowOnly}): Genesys is strict, Kore and Vectara clients send more than their seeds list.
 */
public record JsonBody(ObjectNode node) {

    public static JsonBody empty() {
        return new JsonBody(JsonNodeFactory.instance.objectNode());
    }

    public JsonBody allowOnly(Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw Inputs.bad(abbreviate(name), "unknown field '" + abbreviate(name) + "'");
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The field as text, or null when absent or null. */
    public String text(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Inputs.bad(field, "'" + field + "' must be a string");
        }
        return Inputs.text(field, value.textValue(), maxLength);
    }

    /** The field as a boolean, or null when absent or null. */
    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw Inputs.bad(field, "'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** The field as a whole number within bounds, or null when absent or null. */
    public Long integer(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw Inputs.bad(field, "'" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value.longValue();
    }

    /** The field as a JSON object, or null when absent or null. */
    public JsonBody object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw Inputs.bad(field, "'" + field + "' must be a JSON object");
        }
        return new JsonBody(object);
    }

    /** The field as a list of JSON objects (at most {@code maxItems}), or null when absent or null. */
    public List<JsonBody> objects(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw Inputs.bad(field, "'" + field + "' must be a list of at most " + maxItems + " objects");
        }
        List<JsonBody> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!(item instanceof ObjectNode object)) {
                throw Inputs.bad(field, "'" + field + "' must be a list of objects");
            }
            items.add(new JsonBody(object));
        }
        return items;
    }

    /** The field as a list of strings (each checked like {@link #text}), or null when absent or null. */
    public List<String> texts(String field, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw Inputs.bad(field, "'" + field + "' must be a list of at most " + maxItems + " strings");
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw Inputs.bad(field, "'" + field + "' must be a list of strings");
            }
            items.add(Inputs.text(field, item.textValue(), maxLength));
        }
        return items;
    }

    /** The raw value of a field (for values a dialect checks itself, such as metadata). */
    public JsonNode raw(String field) {
        return node.get(field);
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
