package io.sessionledger.command.privacy;

import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.KeyedHash;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasing a data subject, in the order that survives a crash at any point: first every session that holds the
 * subject's data records a {@code PersonalDataErased} event (while the keys still exist, so the aggregate knows
 * what it held), then the keys are destroyed, the subject's and each of those sessions' own. Run again, it finds
 * the events already there and destroys whatever keys are left.
 */
@Component
public class Erasure {

    /** Who to erase: the subject's keyed hash, and the sessions holding its data (aggregate ids). */
    public record Subject(String tenantId, String ref, List<String> sessions, boolean erasedBefore) {

        public boolean unknown() {
            return sessions.isEmpty() && !erasedBefore;
        }
    }

    private static final String SESSION_PREFIX = "session:";

    private static final String VECTARA_PREFIX = "vectara:";

    private final SubjectKeys keys;
    private final KeyedHash keyedHash;
    private final UniqueKeys uniqueKeys;
    private final TransactionTemplate transaction;

    public Erasure(SubjectKeys keys, KeyedHash keyedHash, UniqueKeys uniqueKeys, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.keyedHash = keyedHash;
        this.uniqueKeys = uniqueKeys;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param subjectId a customerId or userReference; {@code session:<sessionId>} for a session nobody is named in;
     *                  or {@code vectara:<agentKey>:<key>} for such a session of the Vectara API, whose clients know
     *                  it by its key only (while the key is held: a deleted session's key is free again)
     */
    public Subject find(String tenantId, String subjectId) {
        String subject = subjectId;
        if (subjectId.startsWith(SESSION_PREFIX)) {
            subject = SESSION_PREFIX + new SessionRef(tenantId, subjectId.substring(SESSION_PREFIX.length())).aggregateId();
        } else if (subjectId.startsWith(VECTARA_PREFIX) && subjectId.indexOf(':', VECTARA_PREFIX.length()) > 0) {
            int slash = subjectId.indexOf(':', VECTARA_PREFIX.length()); // agent keys hold no ':'
            String owner = uniqueKeys.ownerOf(UniqueKey.sessionKey(tenantId,
                    subjectId.substring(VECTARA_PREFIX.length(), slash), subjectId.substring(slash + 1))).orElse(null);
            if (owner == null) {
                return new Subject(tenantId, keyedHash.subjectRef(tenantId, subjectId), List.of(), false);
            }
            subject = SESSION_PREFIX + owner;
        }
        String ref = keyedHash.subjectRef(tenantId, subject);
        return new Subject(tenantId, ref, keys.sessionsOf(ref), keys.erasedBefore(ref));
    }

    /** Destroys the subject's keys and its sessions' own; returns how many keys went. */
    public int destroyKeys(Subject subject) {
        List<String> refs = new ArrayList<>();
        refs.add(subject.ref());
        for (String session : subject.sessions()) {
            refs.add(keyedHash.subjectRef(subject.tenantId(), SESSION_PREFIX + session));
        }
        Integer destroyed = transaction.execute(status -> keys.destroy(refs));
        return destroyed == null ? 0 : destroyed;
    }

    public static boolean isSessionSubject(String subjectId) {
        return subjectId.startsWith(SESSION_PREFIX);
    }
}
