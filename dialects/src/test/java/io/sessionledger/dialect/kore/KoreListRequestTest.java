package io.sessionledger.dialect.kore;

import static io.sessionledger.dialect.kore.KoreIdentityTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionledger.service.errors.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KoreListRequestTest {

    @Test
    void anEmptyBodyListsTheFirstTwentyUnfiltered() {
        assertThat(KoreListRequest.of(body("{}"))).isEqualTo(new KoreListRequest(null, null, null, null, 0, 20));
    }

    @Test
    void numbersMayBeQuotedAndFiltersAreIgnored() {
        KoreListRequest request = KoreListRequest.of(body("{\"offset\":\"40\",\"limit\":\"100\",\"sessionId\":\"s-1\","
                + "\"userReference\":\"u-1\",\"filters\":[{\"key\":\"k\",\"value\":\"v\",\"operator\":\"eq\"}]}"));

        assertThat(request).isEqualTo(new KoreListRequest("s-1", "u-1", null, null, 40, 100));
    }

    @Test
    void instantsAreTakenAsTheyAreAndPlainDatesCoverTheirWholeDay() {
        KoreListRequest instants = KoreListRequest.of(body(
                "{\"date\":{\"start\":\"2025-02-17T19:07:00.070Z\",\"end\":\"2025-02-18T01:00:00+01:00\"}}"));
        KoreListRequest days = KoreListRequest.of(body("{\"date\":{\"start\":\"2025-02-17\",\"end\":\"2025-02-17\"}}"));
        KoreListRequest openEnded = KoreListRequest.of(body("{\"date\":{\"start\":\"2025-02-17\"}}"));

        assertThat(instants.createdFrom()).isEqualTo(Instant.parse("2025-02-17T19:07:00.070Z"));
        assertThat(instants.createdTo()).isEqualTo(Instant.parse("2025-02-18T00:00:00Z"));
        assertThat(days.createdFrom()).isEqualTo(Instant.parse("2025-02-17T00:00:00Z"));
        assertThat(days.createdTo()).isEqualTo(Instant.parse("2025-02-17T23:59:59.999999Z"));
        assertThat(openEnded.createdTo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"offset\":-1}", "{\"offset\":\"-1\"}", "{\"offset\":1.5}", "{\"offset\":\"number\"}", "{\"offset\":\"\"}",
            "{\"offset\":\" 1\"}", "{\"offset\":true}", "{\"offset\":[1]}", "{\"offset\":99999999999}",
            "{\"limit\":0}", "{\"limit\":101}", "{\"limit\":\"101\"}", "{\"limit\":\"ten\"}",
            "{\"sessionId\":3}", "{\"sessionId\":\"\"}",
            "{\"date\":\"2025-02-17\"}", "{\"date\":{\"start\":\"yesterday\"}}", "{\"date\":{\"end\":\"2025-02-30\"}}",
            "{\"date\":{\"start\":\"2025-02-17T19:07:00\"}}", "{\"date\":{\"start\":5}}",
            "{\"date\":{\"start\":\"2025-02-18\",\"end\":\"2025-02-17\"}}"})
    void refusesWhatItCannotReadAsInvalidRequest(String json) {
        assertThatThrownBy(() -> KoreListRequest.of(body(json))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().code()).isEqualTo("invalid_request"));
    }

    @Test
    void filterValuesAreBoundedLikeIdentityValues() {
        String longest = "u".repeat(KoreIdentity.MAX_VALUE);
        assertThat(KoreListRequest.of(body("{\"userReference\":\"" + longest + "\"}")).userReference())
                .isEqualTo(longest);
        assertThatThrownBy(() -> KoreListRequest.of(body("{\"userReference\":\"" + longest + "u\"}")))
                .isInstanceOf(ApiException.class);
    }
}
