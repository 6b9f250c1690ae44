package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.KeyedHash;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.proofs.EventContent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Fills the command side's store with Genesys sessions' events as the ledger writes them, far faster than through
 * the API: each session created with agent, customer and visit id, then n % 4 agent hand-overs (2.5 events a
 * session, in waves of {@value #WAVE} sessions so a session's events are spread over the log as concurrent
 * traffic spreads them). Payloads are sealed under a new key per customer ({@link SealingSerializer}), every event
 * is chained to its session's previous one ({@link EventContent}, the command side's own hash), and each chunk
 * takes its leaves and global indexes the way an append does: the {@code ledger_log} row first (its lock orders
 * appends; the size bumped in the same transaction), the indexes from the store's sequence, then COPY into
 * {@code domain_event_entry}, {@code event_hash}, {@code subject_key} and {@code subject_session}. Not written:
 * the visit ids' uniqueness rows (the ids are unique to the run anyway).
 */
public final class LedgerFiller {

    public record Filled(long events, long sessions, long fromLeaf, long treeSize, double seconds) {
        public String describe() {
            return String.format("store filled with %,d events of %,d Genesys sessions (sealed, chained, leaves %,d "
                    + "to %,d) by COPY in %.1f s", events, sessions, fromLeaf, treeSize - 1, seconds);
        }
    }

    private record Row(String eventId, String aggregateId, long sequence, String occurredAt, String payloadType,
                       byte[] payload, byte[] metadata, String hash, String previousHash) {
    }

    private record Subject(DataKey key, String ref, String aggregateId) {
    }

    private record Chunk(List<Row> rows, List<Subject> subjects) {
    }

    private static final int WAVE = 5_000;
    private static final int MAX_HANDOVERS = 3;
    private static final int CHUNK = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final ObjectMapper mapper;
    private final SealingSerializer sealer;
    private final String tenant;
    private final String tag;
    private final Map<String, DataKey> keys = new HashMap<>();
    private final List<Subject> newSubjects = new ArrayList<>();
    private String currentAggregate;

    private LedgerFiller(byte[] personalDataSecret, String tenant, String tag) {
        JacksonSerializer jackson = JacksonSerializer.defaultSerializer();
        this.mapper = jackson.getObjectMapper();
        this.sealer = new SealingSerializer(jackson, new KeyedHash(personalDataSecret), ref ->
                keys.computeIfAbsent(ref, fresh -> {
                    DataKey key = DataKey.generate();
                    newSubjects.add(new Subject(key, fresh, currentAggregate));
                    return key;
                }));
        this.tenant = tenant;
        this.tag = tag;
    }

    public static Filled fill(String jdbcUrl, String user, String password, byte[] personalDataSecret, String tenant,
                              String tag, long events) throws Exception {
        long start = System.nanoTime();
        LedgerFiller filler = new LedgerFiller(personalDataSecret, tenant, tag);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        long[] leaves = {-1, 0};
        long sessions = 0;
        long made = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(false);
            Future<?> writing = null;
            List<Row> rows = new ArrayList<>(CHUNK);
            String[] lastHash = new String[WAVE];
            for (long first = 0; made < events; first += WAVE) {
                filler.keys.clear();
                for (int round = 0; round <= MAX_HANDOVERS && made < events; round++) {
                    for (int i = 0; i < WAVE && made < events; i++) {
                        long n = first + i;
                        if (round > n % (MAX_HANDOVERS + 1)) {
                            continue;
                        }
                        Row row = filler.event(n, round, round == 0 ? EventContent.GENESIS : lastHash[i]);
                        lastHash[i] = row.hash();
                        rows.add(row);
                        made++;
                        sessions += round == 0 ? 1 : 0;
                        if (rows.size() == CHUNK || made == events) {
                            Chunk chunk = new Chunk(rows, List.copyOf(filler.newSubjects));
                            filler.newSubjects.clear();
                            rows = new ArrayList<>(CHUNK);
                            if (writing != null) {
                                writing.get();
                            }
                            writing = writer.submit(() -> {
                                long[] range = write(db, chunk);
                                leaves[0] = leaves[0] < 0 ? range[0] : leaves[0];
                                leaves[1] = range[1];
                                return null;
                            });
                        }
                    }
                }
            }
            if (writing != null) {
                writing.get();
            }
            analyze(db);
        } finally {
            writer.shutdown();
        }
        return new Filled(made, sessions, leaves[0], leaves[1], (System.nanoTime() - start) / 1e9);
    }

    /** Event {@code version} of session n: its creation, then agent hand-overs, each chained to the one before. */
    private Row event(long n, int version, String previousHash) {
        String sessionId = "fill-" + tag + "-" + n;
        String aggregateId = new SessionRef(tenant, sessionId).aggregateId();
        String customer = "c-" + tag + "-" + n;
        SessionEvent event = version == 0
                ? GenesysEvents.create(tenant, sessionId, "a-" + n % 100, customer, "v-" + tag + "-" + n)
                : GenesysEvents.handOver(tenant, sessionId, "a-" + (n + version) % 100, customer);
        currentAggregate = aggregateId;
        JsonNode payload = sealer.sealed(event);
        JsonNode metadata = mapper.valueToTree(GenesysEvents.metadata(tenant, "bench-fill"));
        String eventId = UUID.randomUUID().toString();
        String occurredAt = DateTimeUtils.formatInstant(Instant.now());
        String payloadType = event.getClass().getName();
        String hash = new EventContent(aggregateId, version, eventId, payloadType, occurredAt, payload, metadata)
                .hash(previousHash);
        try {
            return new Row(eventId, aggregateId, version, occurredAt, payloadType, mapper.writeValueAsBytes(payload),
                    mapper.writeValueAsBytes(metadata), hash, previousHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One append's worth, in one transaction; returns the leaves it took, [from, to). */
    private static long[] write(Connection db, Chunk chunk) throws SQLException, IOException {
        int n = chunk.rows().size();
        long size;
        try (PreparedStatement bump = db.prepareStatement("update ledger_log set size = size + ? where id = 1 "
                + "returning size")) {
            bump.setLong(1, n);
            try (ResultSet result = bump.executeQuery()) {
                result.next();
                size = result.getLong(1);
            }
        }
        long[] positions = new long[n];
        try (PreparedStatement next = db.prepareStatement("select nextval('domain_event_entry_seq') "
                + "from generate_series(1, ?)")) {
            next.setInt(1, n);
            try (ResultSet result = next.executeQuery()) {
                for (int i = 0; result.next(); i++) {
                    positions[i] = result.getLong(1);
                }
            }
        }
        PGConnection pg = db.unwrap(PGConnection.class);
        long leaf = size - n;
        try (OutputStream out = copy(pg, "domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)")) {
            for (int i = 0; i < n; i++) {
                Row row = chunk.rows().get(i);
                line(out, positions[i], row.eventId(), row.aggregateId(), row.sequence(), GenesysEvents.AGGREGATE_TYPE,
                        row.occurredAt(), row.payloadType(), null, bytea(row.payload()), bytea(row.metadata()));
            }
        }
        try (OutputStream out = copy(pg, "event_hash (global_index, event_identifier, aggregate_id, sequence_number, "
                + "hash, previous_hash, leaf_index)")) {
            for (int i = 0; i < n; i++) {
                Row row = chunk.rows().get(i);
                line(out, positions[i], row.eventId(), row.aggregateId(), row.sequence(), row.hash(),
                        row.previousHash(), leaf + i);
            }
        }
        String now = Instant.now().toString();
        try (OutputStream out = copy(pg, "subject_key (key_id, tenant_id, subject_ref, secret, created_at)")) {
            for (Subject subject : chunk.subjects()) {
                line(out, subject.key().id(), SessionRef.parse(subject.aggregateId()).tenantId(), subject.ref(),
                        subject.key().secretBase64(), now);
            }
        }
        try (OutputStream out = copy(pg, "subject_session (subject_ref, aggregate_id)")) {
            for (Subject subject : chunk.subjects()) {
                line(out, subject.ref(), subject.aggregateId());
            }
        }
        db.commit();
        return new long[] {leaf, size};
    }

    /**
     * Statistics for the planner, as autovacuum would gather them after so many rows (it may be off, as on the
     * development machine): with none, the export's keyset page over {@code event_hash} is planned as a scan of
     * every remaining leaf and a sort, and each page costs as much as the whole rest of the export.
     */
    private static void analyze(Connection db) throws SQLException {
        db.setAutoCommit(true);
        try (var statement = db.createStatement()) {
            statement.execute("analyze domain_event_entry, event_hash, subject_key, subject_session");
        } finally {
            db.setAutoCommit(false);
        }
    }

    private static OutputStream copy(PGConnection pg, String table) throws SQLException {
        return new PGCopyOutputStream(pg, "copy " + table + " from stdin", 1 << 16);
    }

    /** One row of COPY's text format; none of these values holds a tab, a newline or a backslash. */
    private static void line(OutputStream out, Object... values) throws IOException {
        StringBuilder line = new StringBuilder(2048);
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i].toString());
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** bytea in COPY text: the hex form {@code \x...}, its backslash escaped. */
    private static String bytea(byte[] bytes) {
        return "\\\\x" + HEX.formatHex(bytes);
    }
}
