package io.sessionledger.faults.check;

import io.sessionledger.faults.load.Kind;
import io.sessionledger.faults.load.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each write of the load against the store, found by its x-request-id in the events' metadata: an acknowledged
 * write is there exactly once, at the version its answer named; a refused one left nothing; one that failed
 * (5xx, or no answer) is there at most once (whether it is also on the topic and in the read model is checked
 * for every stored event by {@link TopicChecks} and {@link ReadModelChecks}).
 */
final class WriteChecks {

    private final String tenantId;
    private final SessionFold fold;
    private final Map<String, List<StoredEvent>> byRequest = new HashMap<>();

    WriteChecks(String tenantId, List<StoredEvent> events, SessionFold fold) {
        this.tenantId = tenantId;
        this.fold = fold;
        for (StoredEvent event : events) {
            if (event.requestId() != null) {
                byRequest.computeIfAbsent(event.requestId(), id -> new ArrayList<>()).add(event);
            }
        }
    }

    CheckResult acknowledged(List<Op> ops) {
        CheckResult result = new CheckResult("acknowledged-writes-stored-once",
                "every write answered 2xx is in the store exactly once, at the version its ETag named");
        for (Op op : ops) {
            if (!op.kind().isWrite() || !op.acknowledged()) {
                continue;
            }
            result.examined();
            List<StoredEvent> events = byRequest.getOrDefault(op.requestId(), List.of());
            String problem = events.size() > 1 ? events.size() + " events" : events.isEmpty() ? unchanged(op) : stored(op, events.get(0));
            if (problem != null) {
                result.violation(op.kind() + " " + op.requestId() + " (" + op.status() + ", ETag " + op.version()
                        + ", " + op.target() + "): " + problem);
            }
        }
        return result;
    }

    CheckResult unacknowledged(List<Op> ops) {
        CheckResult result = new CheckResult("unacknowledged-writes-at-most-once",
                "a write answered 4xx left nothing; one answered 5xx or not at all is stored at most once");
        long appliedAnyway = 0;
        long failed = 0;
        for (Op op : ops) {
            if (!op.kind().isWrite() || op.acknowledged()) {
                continue;
            }
            result.examined();
            int stored = byRequest.getOrDefault(op.requestId(), List.of()).size();
            if (op.refused() && stored > 0) {
                result.violation(op.kind() + " " + op.requestId() + " answered " + op.status() + " but stored " + stored + " event(s)");
            } else if (stored > 1) {
                result.violation(op.kind() + " " + op.requestId() + " answered " + describe(op) + " but stored " + stored + " times");
            }
            if (op.failed()) {
                failed++;
                appliedAnyway += stored > 0 ? 1 : 0;
            }
        }
        result.note(failed + " writes failed (5xx or no answer); " + appliedAnyway + " of them were applied, the rest not at all");
        return result;
    }

    /** An acknowledged write whose event is the one the answer promised; null when so. */
    private String stored(Op op, StoredEvent event) {
        if (op.version() != null && event.sequence() != op.version()) {
            return "stored at version " + event.sequence() + ", answered " + op.version();
        }
        return switch (op.kind()) {
            case GENESYS_CREATE, KORE_CREATE, VECTARA_CREATE -> created(op, event);
            case GENESYS_ASSOCIATE -> !event.aggregateId().equals(tenantId + ":" + op.target())
                    ? "stored for " + event.aggregateId() : null;
            case VECTARA_PATCH -> {
                SessionState state = fold.at(event.aggregateId(), event.sequence());
                yield state == null || !op.written().equals(state.marker()) ? "stored without its metadata" : null;
            }
            default -> "a read stored an event";
        };
    }

    private String created(Op op, StoredEvent event) {
        if (!event.type().equals("SessionCreated")) {
            return "stored as " + event.type();
        }
        if (op.sessionId() != null && !event.aggregateId().equals(tenantId + ":" + op.sessionId())) {
            return "the answer named " + op.sessionId() + ", the store created " + event.aggregateId();
        }
        if (op.kind() == Kind.KORE_CREATE && op.status() != 201) {
            return "answered " + op.status() + " (an existing session) but created one";
        }
        SessionState created = fold.at(event.aggregateId(), event.sequence());
        if (op.kind() == Kind.VECTARA_CREATE && (created == null || !op.target().equals(created.key()))) {
            return "created without its key " + op.target();
        }
        return null;
    }

    /**
     * An acknowledged write without an event of its own: fine where the API says it changes nothing (the same
     * agent again, a Kore reference that exists), as long as the store had that state at the answered version.
     */
    private String unchanged(Op op) {
        return switch (op.kind()) {
            case GENESYS_ASSOCIATE -> {
                SessionState state = op.version() == null ? null : fold.at(tenantId + ":" + op.target(), op.version());
                yield state != null && op.written().equals(state.agentId()) ? null
                        : "no event, and the store never had agent " + op.written() + " at version " + op.version();
            }
            case KORE_CREATE -> {
                SessionState state = op.sessionId() == null ? null : fold.last(tenantId + ":" + op.sessionId());
                yield op.status() == 200 && state != null && op.target().equals(state.sessionReference()) ? null
                        : "no event, and no stored session " + op.sessionId() + " with reference " + op.target();
            }
            default -> "not in the store";
        };
    }

    private static String describe(Op op) {
        return op.status() < 0 ? "nothing (" + op.failure() + ")" : Integer.toString(op.status());
    }
}
