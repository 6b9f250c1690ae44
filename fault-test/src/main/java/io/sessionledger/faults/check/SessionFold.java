package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every session's states, version by version, folded from the store's events the way the aggregate applies
 * them (only the parts the load writes): what each acknowledged answer and the read model are compared with.
 */
public final class SessionFold {

    private final Map<String, List<SessionState>> states = new LinkedHashMap<>();

    public SessionFold(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            List<SessionState> history = states.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>());
            SessionState before = history.isEmpty() ? null : history.get(history.size() - 1);
            history.add(apply(before, event));
        }
    }

    public Map<String, List<SessionState>> all() {
        return Collections.unmodifiableMap(states);
    }

    public SessionState last(String aggregateId) {
        List<SessionState> history = states.get(aggregateId);
        return history == null ? null : history.get(history.size() - 1);
    }

    /** The state at {@code version}, or null when the store never had that version. */
    public SessionState at(String aggregateId, long version) {
        List<SessionState> history = states.getOrDefault(aggregateId, List.of());
        return history.stream().filter(state -> state.version() == version).findFirst().orElse(null);
    }

    private static SessionState apply(SessionState before, StoredEvent event) {
        JsonNode p = event.payload();
        if (before == null || event.type().equals("SessionCreated")) {
            return new SessionState(event.aggregateId(), event.sequence(), text(p.path("parties").path("agentId")),
                    text(p.path("keys").path("visitId")), text(p.path("keys").path("sessionReference")),
                    text(p.path("keys").path("key")), object(p.path("details").path("metadata")), false);
        }
        return switch (event.type()) {
            case "UserAssociated" -> new SessionState(before.aggregateId(), event.sequence(),
                    or(text(p.path("agentId")), before.agentId()), or(text(p.path("visitId")), before.visitId()),
                    before.sessionReference(), before.key(), before.metadata(), before.deleted());
            case "SessionDetailsUpdated" -> new SessionState(before.aggregateId(), event.sequence(), before.agentId(),
                    before.visitId(), before.sessionReference(), before.key(),
                    p.path("details").has("metadata") ? object(p.path("details").path("metadata")) : before.metadata(),
                    before.deleted());
            case "SessionDeleted" -> new SessionState(before.aggregateId(), event.sequence(), before.agentId(),
                    before.visitId(), before.sessionReference(), before.key(), before.metadata(), true);
            default -> new SessionState(before.aggregateId(), event.sequence(), before.agentId(), before.visitId(),
                    before.sessionReference(), before.key(), before.metadata(), before.deleted());
        };
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static JsonNode object(JsonNode node) {
        return node.isObject() ? node : null;
    }

    private static String or(String changed, String before) {
        return changed != null ? changed : before;
    }
}
