package io.sessionledger.query.api.genesys;

import io.sessionledger.dialect.genesys.GenesysVersion;
import io.sessionledger.query.api.Reads;
import io.sessionledger.service.security.ApiKeyFilter;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Genesys Knowledge Center reads: v1 (8.5, the key's tenant, bare body) and v2 (explicit tenant, wrapped).
 * The {@code gkc_agentId} and {@code gkc_customerId} headers are accepted and ignored on GET: associating a
 * user is what POST is for, and a read that silently wrote would surprise.
 */
@RestController
public class GenesysSessionController {

    private final GenesysSessionReads reads;

    public GenesysSessionController(GenesysSessionReads reads) {
        this.reads = reads;
    }

    @GetMapping("/gks-server/{version:v1|v2}/sessions/{sessionId}")
    public ResponseEntity<Object> get(@PathVariable String version, @PathVariable String sessionId,
                                      @RequestParam(required = false) String tenantId, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        GenesysVersion genesys = GenesysVersion.of(version, tenantId, context.tenantId());
        GenesysSessionReads.Read read = Reads.eventual(request)
                ? reads.readEventually(context.tenantId(), sessionId)
                : reads.read(context.tenantId(), sessionId, forwarded(request, context, genesys.dialect()));
        return Reads.ok(read.session(), read.fresh()).body(genesys.body(read.session()));
    }

    private static EnsureSessionClient.Forwarded forwarded(HttpServletRequest request, RequestContext context,
                                                           String dialect) {
        return new EnsureSessionClient.Forwarded(request.getHeader(ApiKeyFilter.HEADER), context.requestId(),
                context.correlationId(), dialect);
    }
}
