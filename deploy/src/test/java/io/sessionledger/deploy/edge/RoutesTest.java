package io.sessionledger.deploy.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /gks-server/v1/sessions/s-1,                          QUERY",
            "PUT,    /gks-server/v1/sessions/new,                          COMMAND",
            "POST,   /gks-server/v2/sessions/s-1,                          COMMAND",
            "POST,   /api/v2/apps/a/environments/dev/sessions/list,        QUERY",
            "POST,   /api/v2/apps/a/environments/dev/sessions/terminate,   COMMAND",
            "GET,    /api/v2/apps/a/environments/dev/sessions,             QUERY",
            "DELETE, /v2/agents/bot/sessions/k,                            COMMAND",
            "GET,    /v2/agents/bot/sessions/k,                            QUERY",
            "GET,    /ledger/v1/projections,                               QUERY",
            "GET,    /ledger/v1/reconciliation,                            QUERY",
            "GET,    /ledger/v1/reconciliationx,                           COMMAND",
            "GET,    /ledger/v1/dead-letters,                              QUERY",
            "POST,   /ledger/v1/dead-letters/replay,                       QUERY",
            "GET,    /ledger/v1/sessions/acme:s-1/history,                 COMMAND",
            "GET,    /v3/api-docs,                                         API_DOCS",
            "HEAD,   /v3/api-docs,                                         API_DOCS",
            "POST,   /v3/api-docs,                                         NOT_FOUND",
            "GET,    /v3/api-docs/genesys,                                 COMMAND",
            "GET,    /v3/api-docs/swagger-config,                          COMMAND",
            "GET,    /swagger-ui/index.html,                               COMMAND",
            "GET,    /swagger-ui/../internal/v1/principal,                 NOT_FOUND",
            "GET,    /v3/api-docs/%2e%2e/internal/v1/principal,            NOT_FOUND",
            "GET,    /swagger-ui.html,                                     COMMAND",
            "GET,    /actuator/health,                                     HEALTH",
            "POST,   /actuator/health,                                     NOT_FOUND",
            "GET,    /actuator/env,                                        NOT_FOUND",
            "GET,    /actuator/prometheus,                                 NOT_FOUND",
            "GET,    /actuator/metrics,                                    NOT_FOUND",
            "GET,    /internal/v1/principal,                               NOT_FOUND",
            "GET,    /ledger/v1/../../internal/v1/principal,               NOT_FOUND",
            "GET,    /ledger/v1/%2E%2e/%2e%2E/internal/v1/principal,       NOT_FOUND",
            "GET,    /ledger/v1/..;x=1/../internal/v1/principal,           NOT_FOUND",
            "GET,    /ledger/v1/a%2F..%2F..%2Finternal,                    NOT_FOUND",
            "GET,    /gks-serverX/v1/sessions/s-1,                         NOT_FOUND",
            "GET,    /,                                                    NOT_FOUND",
    })
    void routesByMethodAndPath(String method, String path, Route expected) {
        assertThat(Routes.of(method, path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /ledger/v1/export, true",
            "GET, /ledger/v1/sessions/abc/export, true",
            "HEAD, /ledger/v1/sessions/abc/export, true",
            "POST, /ledger/v1/export, false",
            "GET, /ledger/v1/sessions//export, false",
            "GET, /ledger/v1/sessions/a/b/export, false",
            "GET, /ledger/v1/sessions/abc/events, false",
            "GET, /ledger/v1/exports, false",
    })
    void onlyExportsStream(String method, String path, boolean streams) {
        assertThat(Routes.isStream(method, path)).isEqualTo(streams);
    }
}
