package io.sessionledger.command.config;

import java.util.List;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.jpa.boot.spi.TypeContributorList;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate 6 stores Axon's {@code @Lob byte[]} columns as PostgreSQL large objects ({@code oid}), which
 * hides event payloads from anyone reading the table. Binding LOBs as plain binary keeps them in the
 * {@code bytea} columns the migrations create, as readable JSON bytes, on PostgreSQL and H2 alike.
 */
@Configuration
public class ByteaStorageConfig {

    @Bean
    public HibernatePropertiesCustomizer lobsAsBytea() {
        TypeContributor binaryLobs = (contributions, registry) -> contributions.getTypeConfiguration()
                .getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        return properties -> properties.put("hibernate.type_contributors",
                (TypeContributorList) () -> List.of(binaryLobs));
    }
}
