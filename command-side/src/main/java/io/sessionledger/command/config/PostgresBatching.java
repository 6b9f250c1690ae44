package io.sessionledger.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * {@code reWriteBatchedInserts}: the events of one group commit, appended by Axon as one JDBC batch, go to
 * PostgreSQL as one multi-row insert instead of one round trip per event. (H2 neither needs nor knows it.)
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
