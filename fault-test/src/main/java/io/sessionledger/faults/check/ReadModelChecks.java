package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read model against the store: one row per stored session (and none for anything else), at the
 * session's last version, with the state the store's events fold to.
 */
final class ReadModelChecks {

    private final SessionFold fold;
    private final Map<String, ProjectedSession> rows;

    ReadModelChecks(SessionFold fold, Map<String, ProjectedSession> rows) {
        this.fold = fold;
        this.rows = rows;
    }

    CheckResult check() {
        CheckResult result = new CheckResult("read-model-matches-store",
                "every stored session is in the read model once, at its last version, in the state its events give");
        for (Map.Entry<String, List<SessionState>> session : fold.all().entrySet()) {
            result.examined();
            SessionState expected = fold.last(session.getKey());
            ProjectedSession row = rows.get(session.getKey());
            String problem = row == null ? "missing" : difference(expected, row);
            if (problem != null) {
                result.violation(session.getKey() + ": " + problem);
            }
        }
        rows.keySet().stream().filter(id -> !fold.all().containsKey(id))
                .forEach(id -> result.violation(id + " is in the read model but not in the store"));
        return result;
    }

    private static String difference(SessionState expected, ProjectedSession row) {
        Map<String, Object[]> fields = new HashMap<>();
        fields.put("version", new Object[] {expected.version(), row.version()});
        fields.put("agentId", new Object[] {expected.agentId(), row.agentId()});
        fields.put("visitId", new Object[] {expected.visitId(), row.visitId()});
        fields.put("sessionReference", new Object[] {expected.sessionReference(), row.sessionReference()});
        fields.put("key", new Object[] {expected.key(), row.sessionKey()});
        fields.put("metadata", new Object[] {nonEmpty(expected.metadata()), nonEmpty(Snapshots.json(row.metadata()))});
        fields.put("deleted", new Object[] {expected.deleted(), row.deleted()});
        StringBuilder differences = new StringBuilder();
        fields.forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                differences.append(differences.isEmpty() ? "" : ", ").append(name).append(" is ").append(pair[1])
                        .append(", the store says ").append(pair[0]);
            }
        });
        return differences.isEmpty() ? null : differences.toString();
    }

    /** No metadata and empty metadata are the same to every dialect ({} in Vectara's view). */
    private static JsonNode nonEmpty(JsonNode metadata) {
        return metadata != null && metadata.isObject() && !metadata.isEmpty() ? metadata : null;
    }
}
