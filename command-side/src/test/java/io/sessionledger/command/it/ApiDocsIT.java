package io.sessionledger.command.it;

import io.sessionledger.testsupport.RawHttp;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.testsupport.OpenApiChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command side's OpenAPI document: served without a key, generated from the code, an example for everything. */
class ApiDocsIT extends AdminApiContext {

    @Test
    void theDocumentIsServedWithoutAKeyAndDescribesEveryWriteWithExamples() {
        Http.Response docs = http.send("GET", "/v3/api-docs", null, Map.of());

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/gks-server/{version}/sessions/new")).isTrue();
        assertThat(docs.body().path("paths").has("/ledger/v1/api-keys")).isTrue();
        assertThat(docs.body().path("paths").fieldNames()).toIterable()
                .noneMatch(path -> path.startsWith("/internal") || path.equals("/error"));
        assertThat(docs.body().path("components").path("securitySchemes").has("apiKey")).isTrue();
        OpenApiChecks.assertEveryRequestAndErrorHasAnExample(docs.body());
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        Http.Response config = http.send("GET", "/v3/api-docs/swagger-config", null, Map.of());

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("url").asText()).isEqualTo("/v3/api-docs");
        RawHttp.Answer page = RawHttp.request(port, "GET", "/swagger-ui/index.html", "", new byte[0]);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.head().toLowerCase()).contains("content-type: text/html");
    }
}
