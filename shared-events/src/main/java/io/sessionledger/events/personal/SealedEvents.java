package io.sessionledger.events.personal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionEvent;
import java.util.function.Function;

/**
 * An event's JSON made into its stored form: the data subject replaced by its keyed hash, every personal value
 * sealed under the subject's key. The one implementation the event store's serializer uses (and the benchmark,
 * which measures it).
 */
public final class SealedEvents {

    private SealedEvents() {
    }

    /**
     * Seals {@code data} (the event's JSON, changed in place) and returns the subject's keyed hash.
     *
     * @param keyOfSubject the key to seal under, asked for only when there is something to seal
     */
    public static String seal(SessionEvent event, ObjectNode data, KeyedHash keyedHash,
                              Function<String, DataKey> keyOfSubject) {
        String field = PersonalFields.subjectField(event.getClass());
        String subject = data.path(field).textValue();
        if (subject == null) {
            subject = "session:" + new SessionRef(event.tenantId(), event.sessionId()).aggregateId();
        }
        String ref = KeyedHash.isSubjectRef(subject) ? subject : keyedHash.subjectRef(event.tenantId(), subject);
        data.put(field, ref);
        DataKey[] key = {null};
        PersonalFields.seal(event.getClass(), data, (name, clear) -> {
            if (key[0] == null) {
                key[0] = keyOfSubject.apply(ref);
            }
            return SealedValue.seal(key[0], name, clear);
        });
        return ref;
    }
}
