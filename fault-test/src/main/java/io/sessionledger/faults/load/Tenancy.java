package io.sessionledger.faults.load;

import java.time.Duration;

/**
 * What the load needs before it starts, set up through the admin API as an operator would: a tenant key
 * with the sessions scope, a Kore app environment and a Vectara agent.
 */
public record Tenancy(String tenantId, String apiKey, String appId, String environment, String agentKey) {

    public static Tenancy setUp(String baseUrl, String adminKey) {
        LedgerHttp http = new LedgerHttp(baseUrl, Duration.ofSeconds(30));
        String tenant = "faults";
        Answer key = http.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"" + tenant + "\",\"name\":\"fault load\"}",
                "x-api-key", adminKey);
        require(key, "issue an API key");
        require(http.send("PUT", "/ledger/v1/apps/fault-app/environments/prod", "{\"tenantId\":\"" + tenant + "\"}",
                "x-api-key", adminKey), "register the Kore app environment");
        require(http.send("PUT", "/ledger/v1/agents/fault-bot", "{\"tenantId\":\"" + tenant + "\",\"name\":\"Fault bot\"}",
                "x-api-key", adminKey), "register the Vectara agent");
        return new Tenancy(tenant, key.body().path("key").asText(), "fault-app", "prod", "fault-bot");
    }

    private static void require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("could not " + what + ": " + answer.status() + " " + answer.body()
                    + (answer.failure() == null ? "" : " " + answer.failure()));
        }
    }
}
