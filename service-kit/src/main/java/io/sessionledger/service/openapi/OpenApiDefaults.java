package io.sessionledger.service.openapi;

import io.sessionledger.service.web.JsonBody;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both services' OpenAPI documents share: the {@code x-api-key} scheme every API uses, and that a
 * {@link JsonBody} argument is the request body (each operation describes it with its examples), not a
 * parameter. The edge merges the two documents into one at {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class OpenApiDefaults {

    public static final String API_KEY = "apiKey";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(JsonBody.class);
    }

    @Bean
    OpenAPI sessionLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Session Ledger").version("v1").description(
                        "Genesys Knowledge Center, Kore.ai and Vectara-style session APIs, and the ledger API."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-api-key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
