package io.sessionledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.proofs.EventContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the hash row of every appended event, in the transaction that appends it (called by
 * {@link ChainingEventStorageEngine} right after Axon's insert). Takes the log's size row first: its lock orders
 * appends, so leaf indexes follow commit order without gaps, and a rolled-back append gives its indexes back.
 */
public class ChainWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final LastHashes lastHashes;

    public ChainWriter(JdbcTemplate jdbc, LastHashes lastHashes) {
        this.jdbc = jdbc;
        this.lastHashes = lastHashes;
    }

    public void record(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<DomainEventMessage<?>> domain = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> message) {
                domain.add(message);
            }
        }
        if (domain.isEmpty()) {
            return;
        }
        jdbc.update("update ledger_log set size = size + ? where id = 1", domain.size());
        Long size = jdbc.queryForObject("select size from ledger_log where id = 1", Long.class);
        long leaf = size - domain.size();
        Map<String, Long> positions = globalIndexes(domain);
        Map<String, LastHashes.Last> latest = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(domain.size());
        for (DomainEventMessage<?> event : domain) {
            String aggregate = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            String previous = previousHash(aggregate, sequence, latest);
            String hash = content(event, serializer).hash(previous);
            latest.put(aggregate, new LastHashes.Last(sequence, hash));
            rows.add(new Object[] {positions.get(event.getIdentifier()), event.getIdentifier(), aggregate, sequence,
                    hash, previous, leaf++});
        }
        jdbc.batchUpdate("insert into event_hash (global_index, event_identifier, aggregate_id, sequence_number, hash, "
                + "previous_hash, leaf_index) values (?, ?, ?, ?, ?, ?, ?)", rows);
        rememberAfterCommit(latest);
    }

    static EventContent content(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        byte[] metadata = event.serializeMetaData(serializer, byte[].class).getData();
        return new EventContent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                payload.getType().getName(), DateTimeUtils.formatInstant(event.getTimestamp()), json(payload.getData()),
                json(metadata));
    }

    static JsonNode json(byte[] stored) {
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private String previousHash(String aggregate, long sequence, Map<String, LastHashes.Last> batch) {
        if (sequence == 0) {
            return EventContent.GENESIS;
        }
        LastHashes.Last inBatch = batch.get(aggregate);
        if (inBatch != null && inBatch.sequence() == sequence - 1) {
            return inBatch.hash();
        }
        String cached = lastHashes.hashAt(aggregate, sequence - 1);
        if (cached != null) {
            return cached;
        }
        List<String> stored = jdbc.queryForList("select hash from event_hash where aggregate_id = ? and "
                + "sequence_number = ?", String.class, aggregate, sequence - 1);
        if (stored.isEmpty()) {
            throw new IllegalStateException("no hash for event " + (sequence - 1) + " of " + aggregate
                    + ": the chain cannot continue (LegacyChains hashes older events at start)");
        }
        return stored.get(0);
    }

    private Map<String, Long> globalIndexes(List<DomainEventMessage<?>> events) {
        Map<String, Long> positions = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(events.size(), "?"));
        Object[] ids = events.stream().map(EventMessage::getIdentifier).toArray();
        jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier in ("
                + marks + ")", row -> {
                    positions.put(row.getString(1), row.getLong(2));
                }, ids);
        return positions;
    }

    private void rememberAfterCommit(Map<String, LastHashes.Last> latest) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no commit to wait for: the database answers the next append
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastHashes.put(latest);
            }
        });
    }
}
