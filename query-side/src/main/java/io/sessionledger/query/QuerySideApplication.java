package io.sessionledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query side: projects the session events from Kafka and answers the read APIs. */
@SpringBootApplication(scanBasePackages = {"io.sessionledger.query", "io.sessionledger.dialect"})
@ConfigurationPropertiesScan
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
