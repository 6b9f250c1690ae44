package io.sessionledger.service.web;

import java.util.List;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewRequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring MVC without the per-request work that can never apply here (issue 11, point 4; measured in the README,
 * "Where a request's CPU goes"). Each answer and each body went through
 * <ul>
 *   <li>the {@code @JsonView} advices, which look for that annotation on the handler method on every request
 *   (a merged-annotation search, 2% of the query side's CPU per get): no handler here has a view;</li>
 *   <li>the JAXB converter, which the content negotiation asks on every answer whether the body's class carries
 *   {@code @XmlRootElement}: it is on the class path only through a library, and no type here is JAXB-bound, so it
 *   could never read or write a body.</li>
 * </ul>
 * Every controller advice of our own (errors, rejections, staleness) is still added by the adapter, as before;
 * exception handlers keep Spring's defaults (they run on errors only).
 */
@Configuration
public class LeanMvc implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter);
    }

    @Bean
    WebMvcRegistrations withoutJsonViewAdvice() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new WithoutJsonViews();
            }
        };
    }

    /** Spring's adapter, which adds the advices it is given: those for {@code @JsonView} are left out. */
    static final class WithoutJsonViews extends RequestMappingHandlerAdapter {

        @Override
        public void setRequestBodyAdvice(List<RequestBodyAdvice> advice) {
            super.setRequestBodyAdvice(advice == null ? null
                    : advice.stream().filter(a -> !(a instanceof JsonViewRequestBodyAdvice)).toList());
        }

        @Override
        public void setResponseBodyAdvice(List<ResponseBodyAdvice<?>> advice) {
            super.setResponseBodyAdvice(advice == null ? null
                    : advice.stream().filter(a -> !(a instanceof JsonViewResponseBodyAdvice)).toList());
        }
    }
}
