package io.sessionledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionRefTest {

    /** Characters inside and just outside both alphabets, so that random ids hit every boundary. */
    private static final String ALPHABET = "azAZ09._-~@:/ é\t\u0000+%!#?`{|}";

    @Test
    void theHandWrittenChecksAgreeWithTheDocumentedPatterns() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String id = randomId(random);
            assertThat(SessionRef.isTenantId(id)).as("tenant id %s", id)
                    .isEqualTo(SessionRef.TENANT_ID.matcher(id).matches());
            assertThat(SessionRef.isSessionId(id)).as("session id %s", id)
                    .isEqualTo(SessionRef.SESSION_ID.matcher(id).matches());
        }
    }

    @Test
    void lengthLimitsAreExact() {
        assertThat(SessionRef.isTenantId("a".repeat(63))).isTrue();
        assertThat(SessionRef.isTenantId("a".repeat(64))).isFalse();
        assertThat(SessionRef.isSessionId("A".repeat(128))).isTrue();
        assertThat(SessionRef.isSessionId("A".repeat(129))).isFalse();
        for (String bad : List.of("", "-a", ".a", "_a")) {
            assertThat(SessionRef.isTenantId(bad)).as(bad).isFalse();
            assertThat(SessionRef.isSessionId(bad)).as(bad).isFalse();
        }
        assertThat(SessionRef.isTenantId(null)).isFalse();
        assertThat(SessionRef.isSessionId(null)).isFalse();
    }

    @Test
    void anAggregateIdParsesBackIntoItsParts() {
        SessionRef ref = SessionRef.parse("acme:s-1@x~y");
        assertThat(ref).isEqualTo(new SessionRef("acme", "s-1@x~y"));
        assertThat(ref.aggregateId()).isEqualTo("acme:s-1@x~y");
        assertThatThrownBy(() -> SessionRef.parse("Acme:s-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionRef.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomId(Random random) {
        int length = random.nextInt(10) == 0 ? 60 + random.nextInt(75) : random.nextInt(6);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
