package io.sessionledger.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sessionledger.events.PersonalData;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.SessionEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Session events with every field filled, built from the event records themselves: a type or a field added
 * later is covered without a change here. One example per value of the largest enum the type carries, so
 * each enum value is published once. The data is what the publisher sends: {@link CloudEventCodec}'s.
 */
final class EventExamples {

    private static final CloudEventCodec CODEC = new CloudEventCodec();
    private static final ObjectMapper JSON = CloudEventCodec.defaultMapper();

    private EventExamples() {
    }

    /** The CloudEvent data of every variant of this event type, every field present. */
    static List<ObjectNode> filled(Class<? extends SessionEvent> type) {
        List<ObjectNode> examples = new ArrayList<>();
        int variants = 1;
        for (int variant = 0; variant < variants; variant++) {
            Filling filling = new Filling(variant);
            SessionEvent event = (SessionEvent) filling.record(type);
            examples.add((ObjectNode) CODEC.toCloudEvent("e-1", 1, Instant.EPOCH, event, Map.of()).data());
            variants = Math.max(variants, filling.largestEnum);
        }
        return examples;
    }

    /** JSON pointers of the fields marked {@link PersonalData}, nested records included. */
    static List<String> personalDataPaths(Class<?> record) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String path = "/" + component.getName();
            if (component.isAnnotationPresent(PersonalData.class)) {
                paths.add(path);
            } else if (component.getType().isRecord()) {
                personalDataPaths(component.getType()).forEach(nested -> paths.add(path + nested));
            }
        }
        return paths;
    }

    /** The data as crypto-shredding will publish it: every personal field a ciphertext string. */
    static ObjectNode encrypted(ObjectNode data, List<String> personalPaths) {
        ObjectNode copy = data.deepCopy();
        for (String path : personalPaths) {
            int cut = path.lastIndexOf('/');
            JsonNode parent = copy.at(path.substring(0, cut));
            if (parent instanceof ObjectNode object && object.has(path.substring(cut + 1))) {
                object.set(path.substring(cut + 1), TextNode.valueOf("enc:v1:k-1:bm9uY2U:Y2lwaGVydGV4dA"));
            }
        }
        return copy;
    }

    /** Fills one example; remembers the largest enum met, so that the caller makes a variant per value. */
    private static final class Filling {
        private final int variant;
        private int largestEnum;

        Filling(int variant) {
            this.variant = variant;
        }

        Object record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName());
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build an example of " + type.getName(), e);
            }
        }

        private Object value(Class<?> type, Type generic, String name) {
            if (type == String.class) {
                return name.toLowerCase() + "-" + variant; // lower case: also a valid tenant and session id
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                largestEnum = Math.max(largestEnum, constants.length);
                return constants[variant % constants.length];
            }
            if (type == Boolean.class || type == boolean.class) {
                return variant % 2 == 0;
            }
            if (type == Long.class || type == long.class) {
                return (long) variant + 1;
            }
            if (type == Integer.class || type == int.class) {
                return variant + 1;
            }
            if (type == Instant.class) {
                return Instant.parse("2026-01-02T03:04:05.123456Z").plusSeconds(variant);
            }
            if (JsonNode.class.isAssignableFrom(type)) {
                return JSON.createObjectNode().put("channel", "web").set("tags", JSON.createArrayNode().add(variant));
            }
            if (type.isRecord()) {
                return record(type);
            }
            if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                Object one = value(element, element, name);
                return type.isAssignableFrom(List.class) ? List.of(one) : java.util.Set.of(one);
            }
            throw new IllegalArgumentException("EventExamples cannot fill " + name + " of type " + generic
                    + ": teach it this type");
        }
    }
}
