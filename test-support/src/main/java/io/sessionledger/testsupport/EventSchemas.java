package io.sessionledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.sessionledger.events.session.SessionEventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas of shared-events ({@code src/main/resources/schemas}), as an analytics consumer
 * would use them: found from a CloudEvent's {@code dataschema}, checked with a validator that is not ours.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Draft 2020-12 plus our one annotation, {@code x-personal-data}. Any other keyword the validator does not
     * know fails the load: a misspelt keyword would otherwise be ignored and the schema quietly weaker.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .keyword(new AnnotationKeyword("x-personal-data"))
                    .unknownKeywordFactory((keyword, context) -> {
                        throw new AssertionError("unknown JSON Schema keyword '" + keyword + "'");
                    })
                    .build());
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema document of a type, as written; fails when the type has none. */
    public static JsonNode document(SessionEventTypes.Type type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new AssertionError("event type " + type.name() + " has no JSON Schema at "
                        + type.schemaResource() + " (shared-events/src/main/resources)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code data} for this type, one line per violation; empty when it conforms. */
    public static List<String> violations(SessionEventTypes.Type type, JsonNode data) {
        Schema schema = LOADED.computeIfAbsent(type.name(), name -> REGISTRY.getSchema(document(type)));
        return schema.validate(data).stream().map(Error::toString).toList();
    }

    /** The same, with the type found from a CloudEvent's {@code dataschema} attribute. */
    public static List<String> violations(String dataschema, JsonNode data) {
        SessionEventTypes.Type type = SessionEventTypes.ALL.stream()
                .filter(candidate -> candidate.dataSchema().equals(dataschema)).findFirst()
                .orElseThrow(() -> new AssertionError("no published event type has dataschema " + dataschema));
        return violations(type, data);
    }
}
