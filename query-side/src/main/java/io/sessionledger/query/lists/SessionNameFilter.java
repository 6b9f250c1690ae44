package io.sessionledger.query.lists;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sessionledger.query.projection.SessionRow;

/**
 * Vectara's list {@code filter}: a regular expression that a session matches when its name or its description
 * contains a match. RE2/J runs in time linear in the text, so a pattern such as {@code (a+)+$} cannot
 * backtrack; what it cannot bound is the size of the compiled program, which {@link RepetitionSize} does.
 */
public final class SessionNameFilter {

    public static final int MAX_PATTERN_LENGTH = 256;

    private final Pattern pattern;

    private SessionNameFilter(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws BadFilter when the pattern is too long, repeats too much, or is not RE2 syntax */
    public static SessionNameFilter parse(String regex) {
        if (regex == null) {
            throw new BadFilter("filter is required when given");
        }
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new BadFilter("filter must be at most " + MAX_PATTERN_LENGTH + " characters");
        }
        if (RepetitionSize.of(regex) > RepetitionSize.MAX) {
            throw new BadFilter("filter repeats too much: counted repetitions may expand to at most "
                    + RepetitionSize.MAX + " characters");
        }
        try {
            return new SessionNameFilter(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new BadFilter("filter is not a valid regular expression (RE2 syntax): " + e.getDescription());
        }
    }

    public boolean matches(SessionRow row) {
        return finds(row.name()) || finds(row.description());
    }

    private boolean finds(String text) {
        return text != null && pattern.matcher(text).find();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
