package io.sessionledger.dialect.kore;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.service.web.Inputs;
import io.sessionledger.service.web.JsonBody;
import java.time.Instant;

/**
 * The body of {@code POST .../sessions/list} (seed 003): optional filters on sessionId, userReference and
 * createdAt ({@code date.start} .. {@code date.end}, both inclusive), and an offset page. {@code filters} is
 * documented as "for future use": accepted and ignored, whatever it holds.
 */
public record KoreListRequest(String sessionId, String userReference, Instant createdFrom, Instant createdTo,
                              int offset, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000_000_000;

    public static KoreListRequest of(JsonBody body) {
        String sessionId = body.text("sessionId", KoreIdentity.MAX_VALUE);
        String userReference = body.text("userReference", KoreIdentity.MAX_VALUE);
        JsonBody date = body.object("date");
        Instant from = date == null ? null : KoreDates.start(date.text("start", 64));
        Instant to = date == null ? null : KoreDates.end(date.text("end", 64));
        if (from != null && to != null && from.isAfter(to)) {
            throw Inputs.bad("date", "'date.start' must not be after 'date.end'");
        }
        int offset = wholeNumber(body.raw("offset"), "offset", 0, MAX_OFFSET, 0);
        int limit = wholeNumber(body.raw("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        return new KoreListRequest(sessionId, userReference, from, to, offset, limit);
    }

    /**
     * A JSON number or a string of digits: the seed's own sample writes {@code "offset": "number"}, so clients
     * may well quote it. Fractions, signs, blanks and words are refused.
     */
    static int wholeNumber(JsonNode value, String field, int min, int max, int absent) {
        if (value == null || value.isNull()) {
            return absent;
        }
        String message = "'" + field + "' must be a whole number from " + min + " to " + max;
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.longValue();
        } else if (value.isTextual() && isDigits(value.textValue())) {
            number = Long.parseLong(value.textValue());
        } else {
            throw Inputs.bad(field, message);
        }
        if (number < min || number > max) {
            throw Inputs.bad(field, message);
        }
        return (int) number;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
