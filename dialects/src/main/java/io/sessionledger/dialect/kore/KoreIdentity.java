package io.sessionledger.dialect.kore;

import io.sessionledger.service.web.Inputs;
import io.sessionledger.service.web.JsonBody;
import java.util.List;

/**
 * What a {@code sessionIdentity} array names (seed 003): a session by its id, a session by the client's reference,
 * the user it belongs to. Each at most once; null when not given. {@code sessionIdentity} is the seed's other name
 * for {@code sessionId}.
 */
public record KoreIdentity(String sessionId, String sessionReference, String userReference) {

    public static final String FIELD = "sessionIdentity";
    /** The longest value accepted for any identity type (the seed gives none; docs/decisions.md). */
    public static final int MAX_VALUE = 256;
    /** One object per type; a fourth would repeat one. */
    private static final int MAX_ITEMS = 3;

    /** Reads and checks the request's {@code sessionIdentity}; every fault is a 400 {@code invalid_request}. */
    public static KoreIdentity of(JsonBody body) {
        List<JsonBody> items = body.objects(FIELD, MAX_ITEMS);
        if (items == null || items.isEmpty()) {
            throw Inputs.bad(FIELD, "'" + FIELD + "' must list at least one {\"type\",\"value\"} object");
        }
        String sessionId = null;
        String sessionReference = null;
        String userReference = null;
        for (JsonBody item : items) {
            String type = Inputs.required(FIELD + ".type", item.text("type", 64), 64);
            String value = Inputs.required(FIELD + ".value", item.text("value", MAX_VALUE), MAX_VALUE);
            switch (type) {
                case "sessionId", "sessionIdentity" -> sessionId = once(sessionId, value, "sessionId");
                case "sessionReference" -> sessionReference = once(sessionReference, value, type);
                case "userReference" -> userReference = once(userReference, value, type);
                default -> throw Inputs.bad(FIELD + ".type", "unknown sessionIdentity type '" + type
                        + "': use sessionId, sessionReference or userReference");
            }
        }
        return new KoreIdentity(sessionId, sessionReference, userReference);
    }

    /** Terminating names a session: by its id or its reference, never by a user alone. */
    public KoreIdentity requireSession() {
        if (sessionId == null && sessionReference == null) {
            throw Inputs.bad(FIELD, "'" + FIELD + "' must name the session: a sessionId or a sessionReference");
        }
        return this;
    }

    private static String once(String current, String value, String type) {
        if (current != null) {
            throw Inputs.bad(FIELD, "'" + FIELD + "' names " + type + " more than once");
        }
        return value;
    }
}
