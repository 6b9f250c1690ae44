package io.sessionledger.query.config;

import io.sessionledger.query.api.genesys.ContainerErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers some malformed paths with its own HTML page before any of our code runs. An encoded slash
 * ({@code ..%2Fx}) is passed through undecoded so it stays inside its segment, where the API's validation
 * rejects it; what Tomcat still rejects itself ({@code %00}) is worded by {@link ContainerErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatPathConfig {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> malformedPathsAnsweredInJson() {
        return factory -> {
            factory.addConnectorCustomizers(connector ->
                    connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
                }
            });
        };
    }
}
