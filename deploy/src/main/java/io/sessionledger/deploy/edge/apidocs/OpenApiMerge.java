package io.sessionledger.deploy.edge.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The two services' OpenAPI documents as the system's one. Wherever both say something different
 * under one name, the command side's is kept (it owns the writes and the ledger's admin API) and the
 * clash is logged, so one side's change never silently replaces the other's operations.
 */
final class OpenApiMerge {

    static final String TITLE = "Session Ledger";
    static final String DESCRIPTION = "One base URL for every API of Session Ledger, an event-sourced ledger of "
            + "conversational sessions. Three API dialects: the Genesys Knowledge Center dialect "
            + "(`/gks-server/v1/...`, `/gks-server/v2/...`), the Kore.ai Agent Platform dialect "
            + "(`/api/v2/apps/{appId}/environments/{envName}/sessions...`) and Vectara-style agent sessions "
            + "(`/v2/agents/{agent_key}/sessions...`); and the ledger API (`/ledger/v1/...`: API keys, "
            + "registrations, audit, proofs, erasure, projections). Every request needs an `x-api-key` header "
            + "except health and this document. Errors come in each dialect's own format; a key over its quota "
            + "gets 429 `rate_limit_exceeded` with `Retry-After`.";

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiMerge.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> MERGED =
            Set.of("openapi", "info", "servers", "security", "tags", "paths", "components");

    private OpenApiMerge() {
    }

    /** Either document may be missing (its service is down); null when both are. */
    static ObjectNode merge(JsonNode command, JsonNode query) {
        List<JsonNode> docs = new ArrayList<>(2); // command side first: the first one wins a clash
        if (command != null) {
            docs.add(command);
        }
        if (query != null) {
            docs.add(query);
        }
        if (docs.isEmpty()) {
            return null;
        }
        if (docs.size() == 2 && !command.path("openapi").equals(query.path("openapi"))) {
            LOG.warn("The services describe themselves in OpenAPI {} and {}; the command side's version is kept",
                    command.path("openapi").asText(), query.path("openapi").asText());
        }
        ObjectNode merged = JSON.createObjectNode();
        merged.set("openapi", docs.get(0).path("openapi").deepCopy());
        merged.set("info", info(docs, command == null ? "command side" : query == null ? "query side" : null));
        merged.putArray("servers").addObject().put("url", "/");
        putIfNotEmpty(merged, "security", unionBy(docs, "security", Function.identity()));
        putIfNotEmpty(merged, "tags", unionBy(docs, "tags", tag -> tag.path("name")));
        merged.set("paths", paths(docs));
        merged.set("components", components(docs));
        for (JsonNode doc : docs) {
            doc.fields().forEachRemaining(field -> {
                if (!MERGED.contains(field.getKey()) && !merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue().deepCopy());
                }
            });
        }
        return merged;
    }

    private static ObjectNode info(List<JsonNode> docs, String missingSide) {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", TITLE);
        info.put("description", missingSide == null ? DESCRIPTION : DESCRIPTION + "\n\n**Warning:** the "
                + missingSide + " did not serve its API description, so its operations are missing here.");
        info.put("version", docs.stream().map(doc -> doc.path("info").path("version"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).findFirst().orElse("unknown"));
        return info;
    }

    /** Operations are merged by HTTP method under each path; operation ids stay unique, as OpenAPI requires. */
    private static ObjectNode paths(List<JsonNode> docs) {
        ObjectNode paths = JSON.createObjectNode();
        Set<String> operationIds = new HashSet<>();
        for (JsonNode doc : docs) {
            doc.path("paths").fields().forEachRemaining(path -> {
                ObjectNode item = objectIn(paths, path.getKey());
                path.getValue().fields().forEachRemaining(field -> {
                    String name = field.getKey();
                    boolean operation = METHODS.contains(name);
                    if (!item.has(name)) {
                        JsonNode copy = field.getValue().deepCopy();
                        item.set(name, operation ? withUniqueOperationId(copy, operationIds) : copy);
                    } else if (operation) {
                        LOG.warn("Both services describe {} {}; the command side's operation is kept",
                                name.toUpperCase(), path.getKey());
                    }
                });
            });
        }
        return paths;
    }

    /** Schemas, responses, parameters, examples, security schemes...: unioned by name, section by section. */
    private static ObjectNode components(List<JsonNode> docs) {
        ObjectNode components = JSON.createObjectNode();
        for (JsonNode doc : docs) {
            doc.path("components").fields().forEachRemaining(section -> {
                if (!section.getValue().isObject()) {
                    components.putIfAbsent(section.getKey(), section.getValue().deepCopy());
                    return;
                }
                ObjectNode into = objectIn(components, section.getKey());
                section.getValue().fields().forEachRemaining(entry -> {
                    JsonNode kept = into.get(entry.getKey());
                    if (kept == null) {
                        into.set(entry.getKey(), entry.getValue().deepCopy());
                    } else if (!kept.equals(entry.getValue())) {
                        LOG.warn("Both services define components.{}.{} differently; the command side's is kept",
                                section.getKey(), entry.getKey());
                    }
                });
            });
        }
        return components;
    }

    private static ArrayNode unionBy(List<JsonNode> docs, String field, Function<JsonNode, JsonNode> identity) {
        ArrayNode union = JSON.createArrayNode();
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode doc : docs) {
            for (JsonNode element : doc.path(field)) {
                if (seen.add(identity.apply(element))) {
                    union.add(element.deepCopy());
                }
            }
        }
        return union;
    }

    private static JsonNode withUniqueOperationId(JsonNode operation, Set<String> used) {
        if (!(operation instanceof ObjectNode op) || !op.path("operationId").isTextual()) {
            return operation;
        }
        String id = op.get("operationId").asText();
        String unique = id;
        for (int n = 1; !used.add(unique); n++) {
            unique = id + "_" + n;
        }
        op.put("operationId", unique);
        return op;
    }

    private static ObjectNode objectIn(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static void putIfNotEmpty(ObjectNode into, String name, ArrayNode array) {
        if (!array.isEmpty()) {
            into.set(name, array);
        }
    }
}
