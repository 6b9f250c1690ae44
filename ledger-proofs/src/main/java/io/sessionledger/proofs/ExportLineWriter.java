package io.sessionledger.proofs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the event lines of an export as {@link ExportLine#event} defines them, byte for byte, without building a
 * JSON tree per line: the stored payload is copied token by token from its bytes into the line (see {@link #copy}), and the proof's
 * hashes are written from their base64 form, encoded once per hash ({@link Base64Cache}): neighbouring leaves
 * share nearly all of their proofs. Many lines go into one buffer. Not thread-safe: one per batch of lines.
 */
public final class ExportLineWriter {

    /** One event as stored: its columns and hash row, the payload and metadata as the JSON bytes the store holds. */
    public record StoredLine(String eventId, String aggregateId, long sequence, String payloadType, String occurredAt,
                             byte[] payload, byte[] metadata, String hash, String previousHash, long position,
                             long leafIndex) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final ByteArrayOutputStream bytes;
    private final JsonGenerator out;

    public ExportLineWriter(int expectedBytes) {
        this.bytes = new ByteArrayOutputStream(expectedBytes);
        try {
            this.out = FACTORY.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setRootValueSeparator(null); // lines end with '\n', written here, not the generator's default space
        out.setCodec(JSON);
    }

    /** Appends one event's line (and its newline); {@code proof} is its audit path, already in base64. */
    public void line(StoredLine event, long treeSize, List<SerializedString> proof) {
        try {
            JsonNode meta = event.metadata() == null ? null : JSON.readTree(event.metadata());
            JsonNode view = meta == null ? JSON.createObjectNode() : meta;
            out.writeStartObject();
            out.writeStringField("eventId", event.eventId());
            out.writeStringField("type", ExportLine.shortType(event.payloadType()));
            out.writeStringField("aggregateId", event.aggregateId());
            out.writeNumberField("sequence", event.sequence());
            out.writeNumberField("position", event.position());
            out.writeNumberField("leafIndex", event.leafIndex());
            out.writeStringField("occurredAt", event.occurredAt());
            out.writeObjectFieldStart("actor");
            text("apiKeyId", view, "apiKeyId");
            text("tenantId", view, "tenantId");
            out.writeEndObject();
            for (String[] field : ExportLine.VIEW_FIELDS) {
                text(field[0], view, field[1]);
            }
            out.writeStringField("hash", event.hash());
            out.writeStringField("previousHash", event.previousHash());
            out.writeFieldName("data");
            try (JsonParser payload = FACTORY.createParser(event.payload())) {
                if (payload.nextToken() == null) {
                    throw new IOException("an empty payload");
                }
                copy(payload);
            }
            out.writeStringField("payloadType", event.payloadType());
            out.writeFieldName("metadata");
            if (meta == null) {
                out.writeNull();
            } else {
                out.writeTree(meta);
            }
            out.writeObjectFieldStart("proof");
            out.writeNumberField("treeSize", treeSize);
            out.writeNumberField("leafIndex", event.leafIndex());
            out.writeArrayFieldStart("hashes");
            for (SerializedString hash : proof) {
                out.writeString(hash);
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    /** The lines written so far. */
    public byte[] toBytes() {
        flush();
        return bytes.toByteArray();
    }

    /** Writes the lines written so far to {@code target}, without copying them first. */
    public void writeTo(OutputStream target) throws IOException {
        flush();
        bytes.writeTo(target);
    }

    /**
     * Forgets the lines written so far and keeps the buffer for the next ones: an export renders a million lines
     * a hundred at a time, and a new ~250 KB buffer per hundred (with its copy out) was a third of what it
     * allocated.
     */
    public void reset() {
        flush();
        bytes.reset();
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the value the parser is at, written as the JSON tree the export built of it before would be: numbers as
     * the tree's number nodes hold them (integers by size, decimals as doubles), never through a {@code String}.
     */
    private void copy(JsonParser in) throws IOException {
        int depth = 0;
        JsonToken token = in.currentToken();
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    out.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    out.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    out.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    out.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> out.writeFieldName(in.currentName());
                case VALUE_STRING -> out.writeString(in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
                case VALUE_NUMBER_INT -> {
                    switch (in.getNumberType()) {
                        case INT -> out.writeNumber(in.getIntValue());
                        case LONG -> out.writeNumber(in.getLongValue());
                        default -> out.writeNumber(in.getBigIntegerValue());
                    }
                }
                case VALUE_NUMBER_FLOAT -> out.writeNumber(in.getDoubleValue());
                case VALUE_TRUE -> out.writeBoolean(true);
                case VALUE_FALSE -> out.writeBoolean(false);
                case VALUE_NULL -> out.writeNull();
                default -> throw new IOException("unexpected " + token + " in a stored event");
            }
            if (depth == 0) {
                return;
            }
            token = in.nextToken();
            if (token == null) {
                throw new IOException("a stored event ends half-way");
            }
        }
    }

    /** As {@link ExportLine}'s view fields: a metadata value as text, or null. */
    private void text(String name, JsonNode meta, String field) throws IOException {
        JsonNode value = meta.get(field);
        if (value == null || value.isNull()) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value.asText());
        }
    }

    /**
     * The base64 form of proof hashes, each encoded once while it is in use: the proofs of neighbouring leaves are
     * made of the same hash arrays (the tree's and the proof cursor's caches hand out the same instances), so the
     * cache goes by identity. Bounded: emptied when full, which costs only encodings.
     */
    public static final class Base64Cache {

        private static final int LIMIT = 4096;
        private final Map<byte[], SerializedString> encoded = new IdentityHashMap<>();

        public List<SerializedString> encode(List<byte[]> proof) {
            if (encoded.size() > LIMIT) {
                encoded.clear();
            }
            SerializedString[] strings = new SerializedString[proof.size()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = encoded.computeIfAbsent(proof.get(i),
                        hash -> new SerializedString(Base64.getEncoder().encodeToString(hash)));
            }
            return List.of(strings);
        }
    }
}
