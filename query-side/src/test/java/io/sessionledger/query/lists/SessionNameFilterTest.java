package io.sessionledger.query.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionledger.query.projection.SessionRow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SessionNameFilterTest {

    private static SessionRow named(String name, String description) {
        return TestSession.vectara("t", "agent", "k").named(name).described(description).row();
    }

    @Test
    void aSessionMatchesWhenItsNameOrItsDescriptionContainsAMatch() {
        SessionNameFilter filter = SessionNameFilter.parse("bill(ing|ed)");

        assertThat(filter.matches(named("Billing", "was billed"))).isTrue();
        assertThat(filter.matches(named("about billing", null))).isTrue();
        assertThat(filter.matches(named("Other", null))).isFalse();
        assertThat(filter.matches(named(null, null))).isFalse();
    }

    /** The timeout only turns a hang into a failure: java.util.regex would backtrack for ever here. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void nestedQuantifiersRunInLinearTime() {
        SessionNameFilter filter = SessionNameFilter.parse("(a+)+$");

        assertThat(filter.matches(named("a".repeat(5_000) + "!", "b".repeat(5_000)))).isFalse();
        assertThat(filter.matches(named("a".repeat(5_000), null))).isTrue();
    }

    @Test
    void repetitionsThatWouldExpandPastTheLimitAreRejectedBeforeCompiling() {
        for (String hostile : new String[] {"((a{1000}){1000}){1000}", "(a{100}){100}", "a{600}b{600}",
                "(?:x{40}){30}", "[ab]{1000}c", "(a{2,}){999}", "\\pL{1001}"}) {
            assertThatThrownBy(() -> SessionNameFilter.parse(hostile)).as(hostile).isInstanceOf(BadFilter.class)
                    .hasMessageContaining("repeats too much");
        }
        assertThat(SessionNameFilter.parse("a{1000}")).isNotNull();
        assertThat(SessionNameFilter.parse("(ab){10}[{}]{2}\\x{41}{3}\\Q{99999}\\E")).isNotNull();
    }

    @Test
    void sizesCountLiteralsGroupsAndCountedRepetitions() {
        assertThat(RepetitionSize.of("abc")).isEqualTo(3);
        assertThat(RepetitionSize.of("a{5}")).isEqualTo(5);
        assertThat(RepetitionSize.of("(ab){3}c")).isEqualTo(7);
        assertThat(RepetitionSize.of("a{2,}")).isEqualTo(3);
        assertThat(RepetitionSize.of("a{2,4}|b*")).isEqualTo(5);
        assertThat(RepetitionSize.of("[a-z{}]{10}")).isEqualTo(10);
        assertThat(RepetitionSize.of("\\{5}")).isEqualTo(3);
        assertThat(RepetitionSize.of("a{,5}")).isEqualTo(5);
    }

    @Test
    void invalidSyntaxAndOverlongPatternsGetAClientMessage() {
        assertThatThrownBy(() -> SessionNameFilter.parse("[unclosed")).isInstanceOf(BadFilter.class)
                .hasMessage("filter is not a valid regular expression (RE2 syntax): missing closing ]");
        assertThatThrownBy(() -> SessionNameFilter.parse("(?z)x")).isInstanceOf(BadFilter.class);
        assertThatThrownBy(() -> SessionNameFilter.parse("x".repeat(257))).isInstanceOf(BadFilter.class)
                .hasMessage("filter must be at most 256 characters");
    }
}
