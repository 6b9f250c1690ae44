package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.events.session.SessionEventTypes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The store and the read model, read straight from the database both services share. */
public final class Snapshots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String user;

    public Snapshots(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /**
     * Every stored event, in global order, with its personal data opened with the subjects' keys as the ledger
     * holds them (the store keeps it sealed; the read model and the answers show it in clear).
     */
    public List<StoredEvent> events() throws SQLException {
        Map<String, DataKey> keys = new HashMap<>();
        query("select key_id, secret from subject_key", row -> keys.put(row.getString(1),
                DataKey.of(row.getString(1), row.getString(2))));
        PersonalFields.Opener opener = (field, sealed) -> {
            DataKey key = keys.get(SealedValue.keyIdOf(sealed));
            return key == null ? null : SealedValue.open(key, field, sealed);
        };
        List<StoredEvent> events = new ArrayList<>();
        query("select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, "
                + "convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') "
                + "from domain_event_entry order by global_index", row -> {
                    String type = row.getString(5);
                    JsonNode payload = json(row.getString(6));
                    SessionEventTypes.ALL.stream().filter(known -> known.payloadType().getName().equals(type))
                            .findFirst().ifPresent(known -> {
                                if (payload instanceof ObjectNode object) {
                                    PersonalFields.open(known.payloadType(), object, opener);
                                }
                            });
                    events.add(new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            type.substring(type.lastIndexOf('.') + 1), payload,
                            json(row.getString(7)).path("requestId").asText(null)));
                });
        return events;
    }

    /** The read model's rows by aggregate id. */
    public Map<String, ProjectedSession> readModel() throws SQLException {
        Map<String, ProjectedSession> rows = new HashMap<>();
        query("select aggregate_id, session_id, version, agent_id, visit_id, session_reference, session_key, "
                + "metadata, status, deleted from session_info", row -> rows.put(row.getString(1),
                new ProjectedSession(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getBoolean(10))));
        return rows;
    }

    /** The aggregate of every claimed external key (visitId, Kore reference, Vectara key), by kind. */
    public List<String[]> claims() throws SQLException {
        List<String[]> claims = new ArrayList<>();
        query("select kind, aggregate_id from unique_key", row -> claims.add(new String[] {row.getString(1), row.getString(2)}));
        return claims;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    static JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
