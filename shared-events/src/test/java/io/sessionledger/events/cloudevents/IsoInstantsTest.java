package io.sessionledger.events.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    private final ObjectMapper mapper = CloudEventCodec.defaultMapper();

    @Test
    void readsWhatTheCodecWritesExactlyAsJacksonDoes() throws Exception {
        for (Instant instant : List.of(Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05.123Z"),
                Instant.parse("1999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T00:00:00.000001Z"),
                Instant.parse("1970-01-01T00:00:00.5Z"))) {
            String written = mapper.writeValueAsString(instant);

            assertThat(IsoInstants.parseUtc(written.substring(1, written.length() - 1)))
                    .isEqualTo(mapper.readValue(written, Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String other : List.of("2026-01-02T03:04:05+01:00", "2026-01-02 03:04:05Z", "2026-02-30T03:04:05Z",
                "2026-01-02T24:00:00Z", "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05.1234567891Z",
                "+12026-01-02T03:04:05Z", "2026-1-02T03:04:05Z", "1767322045", "")) {
            assertThat(IsoInstants.parseUtc(other)).as(other).isNull();
        }
    }
}
