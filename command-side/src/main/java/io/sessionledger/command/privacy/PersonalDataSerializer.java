package io.sessionledger.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.KeyedHash;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedEvents;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.events.session.SessionEvent;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event store's serializer: Axon's Jackson serializer with personal data sealed on the way in and opened on
 * the way out (crypto-shredding). What is stored, hashed, exported and published is the sealed form; the
 * aggregate and the command handlers see clear values, or none once the subject's keys are destroyed.
 *
 * <p>On the way in, the event's data subject (customer, user, or the session itself) is replaced by its keyed
 * hash, and every {@code @PersonalData} value is sealed under that subject's key. Sealing is deterministic, so
 * the store's and the hash chain's serializations agree to the byte.
 */
public class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final SubjectKeys keys;
    private final KeyedHash keyedHash;

    public PersonalDataSerializer(JacksonSerializer delegate, SubjectKeys keys, KeyedHash keyedHash) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
        this.keyedHash = keyedHash;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof SessionEvent event) || PersonalFields.subjectField(event.getClass()) == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode data = mapper.valueToTree(event);
        String aggregateId = new SessionRef(event.tenantId(), event.sessionId()).aggregateId();
        SealedEvents.seal(event, data, keyedHash, ref -> keys.sealingKey(event.tenantId(), ref, aggregateId));
        SerializedObject<JsonNode> sealed = new SimpleSerializedObject<>(data, JsonNode.class,
                delegate.typeForClass(event.getClass()));
        return delegate.getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = delegate.classForType(serializedObject.getType());
        if (!SessionEvent.class.isAssignableFrom(type) || !PersonalFields.hasPersonalData(type)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode stored = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(stored instanceof ObjectNode)) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode data = ((ObjectNode) stored).deepCopy(); // the stored form may be cached: never change it
        PersonalFields.open(type, data, (field, sealed) -> keys.byId(SealedValue.keyIdOf(sealed))
                .map(held -> SealedValue.open(held.key(), field, sealed))
                .orElse(null));
        return (T) delegate.deserialize(new SimpleSerializedObject<>(data, JsonNode.class,
                serializedObject.getType()));
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
