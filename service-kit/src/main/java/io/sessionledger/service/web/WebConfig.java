package io.sessionledger.service.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final JsonBodyResolver jsonBodyResolver;

    public WebConfig(JsonBodyResolver jsonBodyResolver) {
        this.jsonBodyResolver = jsonBodyResolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(jsonBodyResolver);
    }
}
