package io.sessionledger.query.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL driver settings for the projection. {@code reWriteBatchedInserts}: a JDBC batch of inserts goes
 * out as multi-row inserts (the projection writes whole polls; a rebuild is nothing but inserts).
 * {@code prepareThreshold=0}: every statement is planned with its actual values. With the driver's default,
 * the server kept a generic plan made while {@code session_info} was nearly empty, and the per-poll
 * {@code aggregate_id in (...)} lookup became a sequential scan of the whole table (seen: 4,250 scans reading
 * 55 million rows in a few minutes). (H2 needs and knows neither setting.)
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.addDataSourceProperty("prepareThreshold", "0");
        }
        return bean;
    }
}
