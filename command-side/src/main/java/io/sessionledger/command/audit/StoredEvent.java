package io.sessionledger.command.audit;

import io.sessionledger.proofs.EventContent;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event row as the store holds it, with its hash row (null fields when it has none: written around the
 * ledger, or before hashing existed). Read straight from the tables, the source of truth.
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String payloadType,
                          String occurredAt, byte[] payload, byte[] metadata, String hash, String previousHash,
                          Long leafIndex, String hashedEventId, Long hashedSequence) {

    public static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.payload_type, e.time_stamp, e.payload, e.meta_data, h.hash, h.previous_hash, "
            + "h.leaf_index, h.event_identifier, h.sequence_number";
    public static final String FROM = " from domain_event_entry e left join event_hash h on h.global_index = e.global_index";

    public static StoredEvent read(ResultSet row, int ignored) throws SQLException {
        long leaf = row.getLong(11);
        Long leafIndex = row.wasNull() ? null : leaf;
        long hashed = row.getLong(13);
        Long hashedSequence = row.wasNull() ? null : hashed;
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getBytes(7), row.getBytes(8), row.getString(9), row.getString(10), leafIndex,
                row.getString(12), hashedSequence);
    }

    public EventContent content() {
        return new EventContent(aggregateId, sequence, eventId, payloadType, occurredAt, ChainWriter.json(payload),
                metadata == null ? null : ChainWriter.json(metadata));
    }
}
