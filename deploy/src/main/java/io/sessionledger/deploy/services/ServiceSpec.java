package io.sessionledger.deploy.services;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run one service. {@code environment} is added to the inherited one; a null value removes
 * an inherited variable (so a stray LEDGER_DB_URL in the shell cannot leak into a test run).
 *
 * @param jvm the JDK and start-up cache to run it with; {@link ServiceJvm#PLAIN} is this JVM's java, no cache
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> environment, Path logFile,
                          ServiceJvm jvm) {

    public ServiceSpec(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this(name, jar, port, environment, logFile, ServiceJvm.PLAIN);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
