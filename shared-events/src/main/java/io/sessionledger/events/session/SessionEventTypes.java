package io.sessionledger.events.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published names of session events: the CloudEvents {@code type} and the JSON Schema that
 * describes its {@code data}. A field is never renamed in place: a change gets a new revision (and a new
 * schema file) plus an upcaster on the command side.
 */
public final class SessionEventTypes {

    public record Type(String name, Class<? extends SessionEvent> payloadType, int revision) {

        public String schemaResource() {
            return "/schemas/" + name + ".v" + revision + ".json";
        }

        public String dataSchema() {
            return "urn:sessionledger:schema:" + name + ":" + revision;
        }
    }

    public static final List<Type> ALL = List.of(
            new Type("session.created", SessionCreated.class, 1),
            new Type("session.user-associated", UserAssociated.class, 1),
            new Type("session.details-updated", SessionDetailsUpdated.class, 1),
            new Type("session.status-changed", SessionStatusChanged.class, 1),
            new Type("session.terminated", SessionTerminated.class, 1),
            new Type("session.deleted", SessionDeleted.class, 1),
            new Type("session.personal-data-erased", PersonalDataErased.class, 1));

    private static final Map<Class<?>, Type> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::payloadType, Function.identity()));
    private static final Map<String, Type> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::name, Function.identity()));

    private SessionEventTypes() {
    }

    public static Type of(Class<?> payloadType) {
        Type type = BY_CLASS.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("not a published session event: " + payloadType.getName());
        }
        return type;
    }

    public static Optional<Type> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
