package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.events.session.SessionEvent;
import java.util.function.Function;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The command side's event serializer ({@code privacy.PersonalDataSerializer}) on the way in, reproduced line for
 * line over the same shared-events classes ({@link PersonalFields}, {@link SealedValue}, {@link DataKey}) and Axon's
 * Jackson serializer: the subject replaced by its keyed hash, every personal value sealed under the subject's key.
 * What it cannot reproduce is where the key comes from ({@code SubjectKeys}: a cache, else a database query): the
 * caller says, and the difference is written next to the figures.
 */
final class SealingSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final KeyedHash keyedHash;
    private final Function<String, DataKey> keyOfSubject;

    SealingSerializer(JacksonSerializer delegate, KeyedHash keyedHash, Function<String, DataKey> keyOfSubject) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keyedHash = keyedHash;
        this.keyOfSubject = keyOfSubject;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof SessionEvent event) || PersonalFields.subjectField(event.getClass()) == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode data = sealed(event);
        SerializedObject<JsonNode> sealed = new SimpleSerializedObject<>(data, JsonNode.class,
                delegate.typeForClass(event.getClass()));
        return delegate.getConverter().convert(sealed, expectedRepresentation);
    }

    /** The event's JSON as the store holds it: subject hashed, personal values sealed. */
    ObjectNode sealed(SessionEvent event) {
        ObjectNode data = mapper.valueToTree(event);
        String field = PersonalFields.subjectField(event.getClass());
        String subject = data.path(field).textValue();
        if (subject == null) {
            subject = "session:" + new SessionRef(event.tenantId(), event.sessionId()).aggregateId();
        }
        String ref = subject.startsWith("sub:") ? subject : keyedHash.subjectRef(event.tenantId(), subject);
        data.put(field, ref);
        DataKey[] key = {null};
        PersonalFields.seal(event.getClass(), data, (name, clear) -> {
            if (key[0] == null) {
                key[0] = keyOfSubject.apply(ref);
            }
            return SealedValue.seal(key[0], name, clear);
        });
        return data;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
