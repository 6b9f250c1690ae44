package io.sessionledger.command.handling;

import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.command.session.SessionSnapshot;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.SessionScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Which external keys a command claims or frees: those its session gained (a visit id, a Kore session reference,
 * a Vectara key), each unique in its scope. Claims run in the command's transaction, which a group commit may
 * share with other commands, so a failed claim undoes exactly this command's earlier claims.
 */
final class ExternalKeyClaims {

    private final UniqueKeys uniqueKeys;

    ExternalKeyClaims(UniqueKeys uniqueKeys) {
        this.uniqueKeys = uniqueKeys;
    }

    /** @param before the session before the command, or null when the command created it */
    void claimNew(SessionSnapshot before, SessionSnapshot after) {
        List<UniqueKey> gained = new ArrayList<>(held(after));
        if (before != null) {
            gained.removeAll(held(before));
        }
        String owner = after.ref().aggregateId();
        List<UniqueKey> claimed = new ArrayList<>(gained.size());
        try {
            for (UniqueKey claim : gained) {
                uniqueKeys.claim(claim, owner);
                claimed.add(claim);
            }
        } catch (SessionRejected rejected) {
            claimed.forEach(key -> uniqueKeys.release(key, owner));
            throw rejected;
        }
    }

    /**
     * A deleted session gives back its reference and key, so a client may use them again (visit ids stay:
     * Genesys sessions are never deleted, and a visit happened once).
     */
    void releaseReusable(SessionSnapshot deleted) {
        String owner = deleted.ref().aggregateId();
        for (UniqueKey key : held(deleted)) {
            if (key.kind() == UniqueKey.Kind.SESSION_REFERENCE || key.kind() == UniqueKey.Kind.SESSION_KEY) {
                uniqueKeys.release(key, owner);
            }
        }
    }

    private static List<UniqueKey> held(SessionSnapshot session) {
        String tenant = session.ref().tenantId();
        ExternalKeys keys = session.keys();
        SessionScope scope = session.scope();
        List<UniqueKey> held = new ArrayList<>(2);
        if (keys.visitId() != null) {
            held.add(new UniqueKey(UniqueKey.Kind.VISIT_ID, tenant, keys.visitId()));
        }
        if (keys.globalVisitId() != null) {
            held.add(new UniqueKey(UniqueKey.Kind.GLOBAL_VISIT_ID, tenant, keys.globalVisitId()));
        }
        if (keys.sessionReference() != null) {
            held.add(UniqueKey.sessionReference(tenant, scope.appId(), scope.environment(), keys.sessionReference()));
        }
        if (keys.key() != null) {
            held.add(UniqueKey.sessionKey(tenant, scope.agentKey(), keys.key()));
        }
        return held;
    }
}
