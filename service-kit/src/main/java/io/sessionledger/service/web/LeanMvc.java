package io.sessionledger.service.web;

import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

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
 * Every controller advice of our own (errors, rejections, staleness) is added by the adapter after this, as before.
 */
@Configuration
public class LeanMvc implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter);
    }

    /** Runs before the adapter's own initialisation, which then adds the controller advice beans. */
    @Bean
    static BeanPostProcessor withoutJsonViewAdvice() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    adapter.setRequestBodyAdvice(List.of());
                    adapter.setResponseBodyAdvice(List.of());
                }
                return bean;
            }
        };
    }
}
