package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.command.audit.StoredEvent;
import io.sessionledger.events.LedgerMetadata;
import java.time.Instant;

/** One event of a session's history, as stored: its place, who wrote it through which API, its hashes, its data. */
public record EventView(String eventId, String type, long sequence, long position, Long leafIndex, Instant occurredAt,
                        Actor actor, String api, String requestId, String correlationId, String causationId,
                        String hash, String previousHash, JsonNode data) {

    public record Actor(String apiKeyId, String tenantId) {
    }

    static EventView of(StoredEvent event) {
        JsonNode content = event.content().metadata();
        JsonNode meta = content == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : content;
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new EventView(event.eventId(), type, event.sequence(), event.position(), event.leafIndex(),
                Instant.parse(event.occurredAt()), new Actor(text(meta, LedgerMetadata.API_KEY_ID),
                text(meta, LedgerMetadata.TENANT_ID)), text(meta, LedgerMetadata.DIALECT),
                text(meta, LedgerMetadata.REQUEST_ID), text(meta, LedgerMetadata.CORRELATION_ID),
                text(meta, LedgerMetadata.CAUSATION_ID), event.hash(), event.previousHash(), event.content().payload());
    }

    private static String text(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
