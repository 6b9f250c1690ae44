package io.sessionledger.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * Ways to spoil conforming event data that a strict schema must each reject: at every object level an
 * undeclared property and each required property left out; for every property present a value of each
 * other JSON type, and a value outside its enum where it has one.
 */
final class WrongData {

    record Spoiled(String what, JsonNode data) {
    }

    private static final Map<String, JsonNode> ONE_OF_EACH_TYPE = Map.of(
            "integer", IntNode.valueOf(7), "boolean", BooleanNode.TRUE, "string", TextNode.valueOf("text"),
            "array", JsonNodeFactory.instance.arrayNode(), "object", JsonNodeFactory.instance.objectNode(),
            "null", JsonNodeFactory.instance.nullNode());

    private WrongData() {
    }

    static List<Spoiled> of(ObjectNode data, JsonNode schema) {
        List<Spoiled> spoiled = new ArrayList<>();
        collect(data, data, schema, "", spoiled);
        return spoiled;
    }

    private static void collect(ObjectNode root, ObjectNode node, JsonNode schema, String at, List<Spoiled> spoiled) {
        spoiled.add(spoil(root, at, "an undeclared property in '" + at + "'", object -> object.put("undeclared", "x")));
        for (JsonNode required : schema.path("required")) {
            spoiled.add(spoil(root, at, "'" + at + "/" + required.asText() + "' left out",
                    object -> object.remove(required.asText())));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode property = schema.path("properties").path(name);
            if (!property.has("type")) {
                throw new AssertionError("'" + at + "/" + name + "' declares no type: anything would pass");
            }
            for (JsonNode other : otherTypes(property.get("type"))) {
                spoiled.add(spoil(root, at, "'" + at + "/" + name + "' as " + other.getNodeType(),
                        object -> object.set(name, other)));
            }
            if (property.has("enum")) {
                spoiled.add(spoil(root, at, "'" + at + "/" + name + "' outside its enum",
                        object -> object.put(name, "not-a-listed-value")));
            }
            if (field.getValue() instanceof ObjectNode nested && property.has("properties")) {
                collect(root, nested, property, at + "/" + name, spoiled);
            }
        }
    }

    private static Spoiled spoil(ObjectNode root, String at, String what, Consumer<ObjectNode> change) {
        ObjectNode copy = root.deepCopy();
        change.accept((ObjectNode) copy.at(at));
        return new Spoiled(what, copy);
    }

    /** One value of each JSON type the property does not allow ({@code number} allows integers too). */
    private static List<JsonNode> otherTypes(JsonNode declared) {
        Set<String> allowed = new java.util.HashSet<>(declared.isArray()
                ? StreamSupport.stream(declared.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(declared.asText()));
        if (allowed.contains("number")) {
            allowed.add("integer");
        }
        return ONE_OF_EACH_TYPE.entrySet().stream().filter(each -> !allowed.contains(each.getKey()))
                .map(Map.Entry::getValue).toList();
    }
}
