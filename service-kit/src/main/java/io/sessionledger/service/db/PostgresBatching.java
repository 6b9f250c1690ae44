package io.sessionledger.service.db;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.service.ServiceProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL driver settings (H2 neither needs nor knows them). {@code reWriteBatchedInserts}: a JDBC batch of
 * inserts (a group commit's events, a projection poll's rows) goes out as multi-row inserts, not one round trip
 * per row. {@code prepareThreshold=0}, where a service asks for it ({@code ledger.plan-every-statement}): every
 * statement is planned with its values. The query side needs it: a generic plan made while {@code session_info}
 * was nearly empty turned the per-poll {@code aggregate_id in (...)} lookup into a full scan (seen: 4,250 scans
 * reading 55 million rows in minutes).
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    private final boolean planEveryStatement;

    PostgresBatching(ServiceProperties properties) {
        this.planEveryStatement = properties.planEveryStatement();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            if (planEveryStatement) {
                hikari.addDataSourceProperty("prepareThreshold", "0");
            }
        }
        return bean;
    }
}
