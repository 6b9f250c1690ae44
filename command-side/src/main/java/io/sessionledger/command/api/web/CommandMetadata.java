package io.sessionledger.command.api.web;

import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.service.web.RequestContext;
import java.util.HashMap;
import java.util.Map;

/** Who asked, in which request and through which API: the metadata of every command and event a request causes. */
final class CommandMetadata {

    private CommandMetadata() {
    }

    static Map<String, Object> of(RequestContext context, String dialect) {
        Map<String, Object> metadata = new HashMap<>(8);
        metadata.put(LedgerMetadata.TENANT_ID, context.principal().tenantId());
        metadata.put(LedgerMetadata.API_KEY_ID, context.principal().keyId());
        metadata.put(LedgerMetadata.DIALECT, dialect);
        metadata.put(LedgerMetadata.REQUEST_ID, context.requestId());
        metadata.put(LedgerMetadata.CORRELATION_ID, context.correlationId());
        return metadata;
    }
}
