package io.sessionledger.service;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * What every Session Ledger service gets by having this module on its classpath: request ids, API-key
 * authentication (the service supplies a {@link io.sessionledger.service.security.PrincipalResolver}), one
 * error pipeline that each dialect renders, strict JSON bodies, the parent watchdog and the database settings.
 */
@AutoConfiguration
@ComponentScan(basePackageClasses = ServiceKitConfiguration.class)
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceKitConfiguration {
}
