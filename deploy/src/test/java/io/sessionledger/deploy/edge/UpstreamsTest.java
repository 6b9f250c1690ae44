package io.sessionledger.deploy.edge;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamsTest {

    @Test
    void aListIsSplitOnCommasWithSpacesAndTrailingSlashesDropped() {
        assertThat(Upstreams.parse(" http://10.0.0.5:8081/ , http://10.0.0.6:8081,").all())
                .containsExactly(URI.create("http://10.0.0.5:8081"), URI.create("http://10.0.0.6:8081"));
    }

    @Test
    void anythingButHttpBaseUrlsIsRefused() {
        assertThatThrownBy(() -> Upstreams.parse("ftp://10.0.0.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upstreams.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListVariableWinsAndTheSingleVariableStillWorks() {
        assertThat(Upstreams.fromEnvironment(Map.of("LEDGER_COMMAND_URLS", "http://a:1,http://b:1",
                "LEDGER_COMMAND_URL", "http://c:1"), "LEDGER_COMMAND_URLS", "LEDGER_COMMAND_URL", "http://d:1"))
                .isEqualTo(Upstreams.parse("http://a:1,http://b:1"));
        assertThat(Upstreams.fromEnvironment(Map.of("LEDGER_COMMAND_URL", "http://c:1"),
                "LEDGER_COMMAND_URLS", "LEDGER_COMMAND_URL", "http://d:1")).isEqualTo(Upstreams.parse("http://c:1"));
        assertThat(Upstreams.fromEnvironment(Map.of(), "LEDGER_COMMAND_URLS", "LEDGER_COMMAND_URL", "http://d:1"))
                .isEqualTo(Upstreams.parse("http://d:1"));
    }

    @Test
    void theEdgeSettingsReadBothListsFromTheEnvironment() {
        EdgeSettings settings = EdgeSettings.fromEnvironment(Map.of(
                "LEDGER_COMMAND_URLS", "http://127.0.0.1:8081,http://127.0.0.1:8083",
                "LEDGER_QUERY_URL", "http://127.0.0.1:8082"));
        assertThat(settings.commandSide().all()).hasSize(2);
        assertThat(settings.querySide().all()).containsExactly(URI.create("http://127.0.0.1:8082"));
    }

    @Test
    void eachTurnStartsOneInstanceFurtherAndVisitsEveryInstanceOnce() {
        Upstreams upstreams = Upstreams.parse("http://a:1,http://b:1,http://c:1");
        assertThat(upstreams.inTurn()).extracting(URI::getHost).containsExactly("a", "b", "c");
        assertThat(upstreams.inTurn()).extracting(URI::getHost).containsExactly("b", "c", "a");
        assertThat(upstreams.inTurn()).extracting(URI::getHost).containsExactly("c", "a", "b");
    }
}
