package io.sessionledger.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Header values as clients mean them. The container decodes header bytes as ISO-8859-1, so a UTF-8 value such as
 * {@code cüstömer} would arrive mangled and {@code 日本} as control characters: the original bytes are decoded
 * again, strictly, as UTF-8. A header that carries one value may appear once: two of them are refused, never
 * joined into {@code c1,c2}.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The single value of {@code name} (checked like {@link Inputs#text}), or null when absent. */
    public static String single(HttpServletRequest request, String name, int maxLength) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String raw = values.nextElement();
        if (values.hasMoreElements()) {
            throw Inputs.bad(name, "the " + name + " header may be sent only once");
        }
        String decoded = StrictText.utf8OrNull(raw.getBytes(StandardCharsets.ISO_8859_1));
        if (decoded == null) {
            throw Inputs.bad(name, "the " + name + " header is not valid UTF-8");
        }
        return Inputs.text(name, decoded, maxLength);
    }
}
