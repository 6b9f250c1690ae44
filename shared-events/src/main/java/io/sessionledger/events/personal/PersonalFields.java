package io.sessionledger.events.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sessionledger.events.DataSubject;
import io.sessionledger.events.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an event's personal data sits in its JSON form, read once per type from the {@link PersonalData} and
 * {@link DataSubject} marks on the records, and the walks over those places: seal them all, open them all, list
 * the keys they need. The one place that knows which fields are personal, for the store, the topic and every
 * consumer.
 */
public final class PersonalFields {

    /** Turns one clear value into its sealed text. */
    public interface Sealer {
        String seal(String field, String clear);
    }

    /** Turns one sealed text into its clear value, or null when its key is gone (the subject was erased). */
    public interface Opener {
        String open(String field, String sealed);
    }

    private record Place(List<String> parents, String field, boolean json) {
    }

    private record Layout(List<Place> personal, String subject) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** The name of the field that names the event's data subject, or null when it has none. */
    public static String subjectField(Class<?> type) {
        return layout(type).subject();
    }

    /** True when the type has at least one personal-data field. */
    public static boolean hasPersonalData(Class<?> type) {
        return !layout(type).personal().isEmpty();
    }

    /**
     * Seals every clear personal value in place (values already sealed stay as they are). Returns whether any
     * value was there to seal; the sealer is called only then.
     */
    public static boolean seal(Class<?> type, ObjectNode data, Sealer sealer) {
        boolean any = false;
        for (Place place : layout(type).personal()) {
            ObjectNode holder = holder(data, place);
            JsonNode value = holder == null ? null : holder.get(place.field());
            if (value == null || value.isNull() || value.isMissingNode()
                    || (value.isTextual() && SealedValue.isSealed(value.textValue()))) {
                continue;
            }
            String clear = place.json() || !value.isTextual() ? value.toString() : value.textValue();
            holder.set(place.field(), TextNode.valueOf(sealer.seal(place.field(), clear)));
            any = true;
        }
        return any;
    }

    /** Opens every sealed value in place; a value whose key is gone becomes null. */
    public static void open(Class<?> type, ObjectNode data, Opener opener) {
        for (Place place : layout(type).personal()) {
            ObjectNode holder = holder(data, place);
            JsonNode value = holder == null ? null : holder.get(place.field());
            if (value == null || !value.isTextual() || !SealedValue.isSealed(value.textValue())) {
                continue;
            }
            String clear = opener.open(place.field(), value.textValue());
            if (clear == null) {
                holder.remove(place.field()); // absent, not JSON null: a JsonNode field then reads as null too
            } else {
                holder.set(place.field(), clearNode(place, clear));
            }
        }
    }

    /** The ids of the keys the sealed values of this event need. */
    public static Set<String> keyIds(Class<?> type, JsonNode data) {
        Set<String> ids = new LinkedHashSet<>();
        if (!(data instanceof ObjectNode object)) {
            return ids;
        }
        for (Place place : layout(type).personal()) {
            ObjectNode holder = holder(object, place);
            JsonNode value = holder == null ? null : holder.get(place.field());
            String id = value != null && value.isTextual() ? SealedValue.keyIdOf(value.textValue()) : null;
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static JsonNode clearNode(Place place, String clear) {
        if (!place.json()) {
            return TextNode.valueOf(clear);
        }
        try {
            return JSON.readTree(clear);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a sealed JSON value does not parse", e);
        }
    }

    private static ObjectNode holder(ObjectNode data, Place place) {
        JsonNode node = data;
        for (String parent : place.parents()) {
            node = node.get(parent);
            if (node == null) {
                return null;
            }
        }
        return node instanceof ObjectNode object ? object : null;
    }

    private static Layout layout(Class<?> type) {
        return LAYOUTS.computeIfAbsent(type, PersonalFields::read);
    }

    private static Layout read(Class<?> type) {
        List<Place> places = new ArrayList<>();
        String[] subject = {null};
        collect(type, List.of(), places, subject);
        return new Layout(List.copyOf(places), subject[0]);
    }

    private static void collect(Class<?> type, List<String> parents, List<Place> places, String[] subject) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                places.add(new Place(parents, component.getName(), component.getType() == JsonNode.class));
            } else if (component.isAnnotationPresent(DataSubject.class) && parents.isEmpty()) {
                subject[0] = component.getName();
            } else if (component.getType().isRecord()) {
                List<String> deeper = new ArrayList<>(parents);
                deeper.add(component.getName());
                collect(component.getType(), List.copyOf(deeper), places, subject);
            }
        }
    }
}
