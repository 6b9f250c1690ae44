package io.sessionledger.events.cloudevents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionEventTypes;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Streams one structured CloudEvent: attributes as they come, {@code data} straight into the payload type
 * named by {@code type}. The codec writes {@code type} before {@code data}; when another producer does not,
 * {@code data} is kept as a tree and converted at the end, so field order never changes the answer.
 */
final class ReceivedReader {

    /** Every string attribute, by its slot (see {@link #slot}). */
    static final int ALL_ATTRIBUTES = (1 << 14) - 1;
    /**
     * What a read model folds events with: {@code type}, {@code subject}, {@code sequence}, {@code tenantid} and
     * {@code dialect} ({@code time} is always read).
     */
    static final int FOLD_ATTRIBUTES = 1 << 3 | 1 << 4 | 1 << 7 | 1 << 8 | 1 << 9;

    private ReceivedReader() {
    }

    /** @param opener opens sealed personal data before the payload is built; null reads {@code data} as it is */
    static Received read(JsonParser parser, ObjectMapper mapper, Map<String, ObjectReader> payloadReaders,
                         PersonalFields.Opener opener) throws IOException {
        return read(parser, mapper, payloadReaders, opener, ALL_ATTRIBUTES);
    }

    /**
     * @param attributes the string attributes to keep, a bit per slot; the others are checked and left null, and
     *                   never become strings (ids, request ids, the source: most of a record's text)
     */
    static Received read(JsonParser parser, ObjectMapper mapper, Map<String, ObjectReader> payloadReaders,
                         PersonalFields.Opener opener, int attributes) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a CloudEvent must be a JSON object");
        }
        String[] text = new String[14];
        Instant time = null;
        SessionEvent payload = null;
        JsonNode early = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("time".equals(name)) {
                Instant quick = parser.currentToken() == JsonToken.VALUE_STRING
                        ? IsoInstants.parseUtc(parser.getText()) : null;
                time = quick != null ? quick : mapper.readValue(parser, Instant.class);
            } else if ("data".equals(name)) {
                ObjectReader reader = text[3] == null || opener != null ? null : payloadReaders.get(text[3]);
                if (reader != null) {
                    payload = parser.currentToken() == JsonToken.VALUE_NULL ? null : reader.readValue(parser);
                } else {
                    early = mapper.readTree(parser);
                }
            } else {
                int slot = slot(name);
                if (slot >= 0 && parser.currentToken().isStructStart()) {
                    throw new IOException("CloudEvent attribute " + name + " must be a string");
                } else if (slot >= 0 && (attributes & 1 << slot) != 0) {
                    text[slot] = parser.getValueAsString();
                } else if (slot < 0) {
                    parser.skipChildren();
                }
            }
        }
        ObjectReader late = text[3] == null ? null : payloadReaders.get(text[3]);
        if (payload == null && late != null && early != null && !early.isNull()) {
            if (opener != null && early instanceof ObjectNode data) {
                PersonalFields.open(SessionEventTypes.named(text[3]).orElseThrow().payloadType(), data, opener);
            }
            payload = late.readValue(early);
        }
        CloudEvent envelope = new CloudEvent(text[0], text[1], text[2], text[3], text[4], time, text[5], text[6],
                text[7], text[8], text[9], text[10], text[11], text[12], text[13], null);
        return new Received(envelope, late == null ? Optional.empty() : Optional.ofNullable(payload));
    }

    /** Where each string attribute goes, in {@link CloudEvent}'s order (3 is {@code type}); -1 for others. */
    private static int slot(String name) {
        return switch (name) {
            case "specversion" -> 0;
            case "id" -> 1;
            case "source" -> 2;
            case "type" -> 3;
            case "subject" -> 4;
            case "datacontenttype" -> 5;
            case "dataschema" -> 6;
            case "sequence" -> 7;
            case "tenantid" -> 8;
            case "dialect" -> 9;
            case "apikeyid" -> 10;
            case "requestid" -> 11;
            case "correlationid" -> 12;
            case "causationid" -> 13;
            default -> -1;
        };
    }
}
