package io.sessionledger.command.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate 6 stores Axon's {@code @Lob byte[]} columns as PostgreSQL large objects ({@code oid}), which
 * hides event payloads from anyone reading the table. On PostgreSQL we bind LOBs as plain binary, into the
 * {@code bytea} columns the migrations create, so payloads stay readable JSON bytes. (H2 needs nothing.)
 */
@Configuration
public class ByteaStorageConfig {

    @Bean
    public HibernatePropertiesCustomizer lobsAsBytea(@Value("${spring.datasource.url}") String url) {
        return properties -> {
            if (url.startsWith("jdbc:postgresql:")) {
                properties.put("hibernate.dialect", ByteaPostgreSQLDialect.class.getName());
            }
        };
    }

    public static class ByteaPostgreSQLDialect extends PostgreSQLDialect {

        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
            super.contributeTypes(contributions, registry);
            contributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        }
    }
}
