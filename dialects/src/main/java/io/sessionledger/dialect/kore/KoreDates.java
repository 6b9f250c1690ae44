package io.sessionledger.dialect.kore;

import io.sessionledger.service.web.Inputs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The list's {@code date.start} and {@code date.end}. The seed says only "string": an ISO-8601 instant with a
 * zone ({@code 2025-02-17T19:07:00.070Z}, {@code ...+01:00}) is taken as it is; a plain date ({@code 2025-02-17})
 * means that whole UTC day, so a range of two dates includes both.
 */
final class KoreDates {

    private KoreDates() {
    }

    static Instant start(String text) {
        if (text == null) {
            return null;
        }
        LocalDate day = dayOrNull(text);
        return day != null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : instant("date.start", text);
    }

    /** Inclusive: a plain date ends at its last microsecond (createdAt is stored to the millisecond or finer). */
    static Instant end(String text) {
        if (text == null) {
            return null;
        }
        LocalDate day = dayOrNull(text);
        return day != null ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000)
                : instant("date.end", text);
    }

    private static LocalDate dayOrNull(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Inputs.bad(field, "'" + field + "' must be an ISO-8601 instant such as 2025-02-17T19:07:00.070Z,"
                    + " or a date such as 2025-02-17");
        }
    }
}
