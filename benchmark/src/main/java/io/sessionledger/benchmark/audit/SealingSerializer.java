package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.KeyedHash;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedEvents;
import io.sessionledger.events.session.SessionEvent;
import java.util.function.Function;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The command side's event serializer ({@code privacy.PersonalDataSerializer}) on the way in: Axon's Jackson
 * serializer with the same sealing step ({@link SealedEvents}, shared-events): the subject replaced by its keyed
 * hash, every personal value sealed under the subject's key.
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
        SealedEvents.seal(event, data, keyedHash, keyOfSubject);
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
