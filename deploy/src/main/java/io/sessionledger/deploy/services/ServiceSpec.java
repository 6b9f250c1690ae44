package io.sessionledger.deploy.services;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run one service. {@code environment} is added to the inherited one; a null value removes
 * an inherited variable (so a stray LEDGER_DB_URL in the shell cannot leak into a test run).
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> environment, Path logFile) {

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
