package io.sessionledger.faults.check;

import io.sessionledger.faults.load.Kind;
import io.sessionledger.faults.load.Op;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names that must stay unique under concurrent creates from several clients through several instances: one
 * session per Kore reference, per Vectara key and per Genesys visitId; every Kore client that asked for a
 * reference got the same session; and no claim on a name is left without its session (a write that failed
 * half-way would leave one).
 */
final class NameChecks {

    private final SessionFold fold;

    NameChecks(SessionFold fold) {
        this.fold = fold;
    }

    CheckResult check(List<Op> ops, List<String[]> claims) {
        CheckResult result = new CheckResult("one-session-per-name",
                "one session per Kore reference, Vectara key and visitId; every claim has its session");
        Map<String, String> owners = new HashMap<>();
        for (List<SessionState> history : fold.all().values()) {
            SessionState created = history.get(0);
            unique(result, owners, "reference", created.sessionReference(), created.aggregateId());
            unique(result, owners, "key", created.key(), created.aggregateId());
            unique(result, owners, "visitId", created.visitId(), created.aggregateId());
        }
        Map<String, Set<String>> answeredSessions = new HashMap<>();
        for (Op op : ops) {
            if (op.kind() == Kind.KORE_CREATE && op.acknowledged()) {
                answeredSessions.computeIfAbsent(op.target(), ref -> new HashSet<>()).add(op.sessionId());
            }
        }
        answeredSessions.forEach((reference, sessions) -> {
            result.examined();
            if (sessions.size() > 1) {
                result.violation("Kore clients asking for " + reference + " were given " + sessions);
            }
        });
        for (String[] claim : claims) {
            result.examined();
            if (!fold.all().containsKey(claim[1])) {
                result.violation("a " + claim[0] + " claim for " + claim[1] + " has no session in the store");
            }
        }
        return result;
    }

    private static void unique(CheckResult result, Map<String, String> owners, String kind, String name,
                               String aggregateId) {
        if (name == null) {
            return;
        }
        result.examined();
        String other = owners.putIfAbsent(kind + ":" + name, aggregateId);
        if (other != null) {
            result.violation("the " + kind + " " + name + " belongs to " + other + " and " + aggregateId);
        }
    }
}
