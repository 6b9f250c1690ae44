package io.sessionledger.dialect.vectara;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.service.web.JsonBody;

/**
 * The bodies of create and update, read by {@link VectaraRules}' limits. Unknown fields are ignored (Vectara
 * clients send more than the seed lists); a null field counts as absent. Every field at fault is reported at
 * once, each in {@code field_errors}.
 */
public final class VectaraRequests {

    /** {@code POST}: key null means "generate one from the name". */
    public record NewSession(String key, String name, String description, ObjectNode metadata, boolean enabled) {
    }

    /** {@code PATCH}: null parts stay as they are; metadata, when given, replaces the old one wholly. */
    public record Changes(String name, String description, ObjectNode metadata, Boolean enabled) {
    }

    private VectaraRequests() {
    }

    public static NewSession create(JsonBody body) {
        FieldChecks checks = new FieldChecks(body);
        String key = checks.key("key");
        String name = checks.name("name");
        if (name == null && !checks.hasError("name")) {
            checks.fail("name", "'name' is required");
        }
        String description = checks.description("description");
        ObjectNode metadata = checks.metadata("metadata");
        Boolean enabled = checks.bool("enabled");
        checks.throwIfAny();
        return new NewSession(key, name, description, metadata, enabled == null || enabled);
    }

    public static Changes update(JsonBody body) {
        FieldChecks checks = new FieldChecks(body);
        Changes changes = new Changes(checks.name("name"), checks.description("description"),
                checks.metadata("metadata"), checks.bool("enabled"));
        checks.throwIfAny();
        return changes;
    }
}
