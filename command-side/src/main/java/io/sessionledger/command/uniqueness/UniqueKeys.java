package io.sessionledger.command.uniqueness;

import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.command.session.SessionRejected.Reason;

/** Set-based uniqueness of external keys (visitId, sessionReference, key) within their scope. */
public interface UniqueKeys {

    /** Claims {@code key} for {@code aggregateId}, or throws {@link SessionRejected} ({@code KEY_TAKEN}). */
    void claim(UniqueKey key, String aggregateId);

    /** Gives back a key this command claimed, when a later claim of the same command failed. */
    void release(UniqueKey key, String aggregateId);

    /** The aggregate that holds {@code key}, if any (committed claims only). */
    java.util.Optional<String> ownerOf(UniqueKey key);

    static SessionRejected taken(UniqueKey key) {
        String name = switch (key.kind()) {
            case VISIT_ID -> "visitId";
            case GLOBAL_VISIT_ID -> "globalVisitId";
            case SESSION_REFERENCE -> "sessionReference";
            case SESSION_KEY -> "key";
        };
        return new SessionRejected(Reason.KEY_TAKEN, name + " '" + key.value() + "' already belongs to another session");
    }
}
