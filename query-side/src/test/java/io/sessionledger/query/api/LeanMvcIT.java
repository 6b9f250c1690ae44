package io.sessionledger.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.query.support.ReadApiContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewRequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The service kit's lean Spring MVC (LeanMvc, issue 11): the handler adapter that every request goes through asks no
 * {@code @JsonView} advice and no JAXB converter, and still writes JSON with Jackson.
 */
class LeanMvcIT extends ReadApiContext {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Test
    void noPerRequestWorkThatCannotApply() {
        List<?> advice = (List<?>) ReflectionTestUtils.getField(adapter, "requestResponseBodyAdvice");
        assertThat(advice).noneMatch(a -> a instanceof JsonViewRequestBodyAdvice || a instanceof JsonViewResponseBodyAdvice);
        assertThat(adapter.getMessageConverters())
                .noneMatch(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter)
                .anyMatch(converter -> converter instanceof MappingJackson2HttpMessageConverter);
    }
}
