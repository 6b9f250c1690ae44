package io.sessionledger.benchmark.audit;

import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events a Genesys client's traffic stores, as the command side's aggregate records them: a create with agent,
 * customer and visit id (the customer is the data subject), and agent hand-overs; with the metadata every stored
 * event carries, in the order the command side writes it.
 */
final class GenesysEvents {

    static final String AGGREGATE_TYPE = "Session";

    private GenesysEvents() {
    }

    static SessionCreated create(String tenant, String sessionId, String agentId, String customerId, String visitId) {
        return new SessionCreated(tenant, sessionId, SessionScope.TENANT, new Parties(agentId, customerId, null, null),
                new ExternalKeys(visitId, null, null, null), SessionDetails.NONE, SessionStatus.IDLE, customerId);
    }

    static UserAssociated handOver(String tenant, String sessionId, String agentId, String customerId) {
        return new UserAssociated(tenant, sessionId, agentId, null, null, null, customerId);
    }

    static Map<String, String> metadata(String tenant, String apiKeyId) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(LedgerMetadata.DIALECT, "genesys-v1");
        metadata.put(LedgerMetadata.REQUEST_ID, requestId);
        metadata.put(LedgerMetadata.TENANT_ID, tenant);
        metadata.put(LedgerMetadata.API_KEY_ID, apiKeyId);
        metadata.put(LedgerMetadata.CAUSATION_ID, UUID.randomUUID().toString());
        metadata.put(LedgerMetadata.CORRELATION_ID, requestId);
        return metadata;
    }
}
