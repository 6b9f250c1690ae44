package io.sessionledger.query.api.genesys;

import io.sessionledger.query.api.RequestIdFilter;
import io.sessionledger.query.security.ApiKeyFilter;
import io.sessionledger.query.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
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

    static final String STALE_HEADER = "x-ledger-consistency";
    private static final Pattern SANE_HEADER = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final GenesysSessionReads reads;

    public GenesysSessionController(GenesysSessionReads reads) {
        this.reads = reads;
    }

    @GetMapping("/gks-server/v1/sessions/{sessionId}")
    public ResponseEntity<SessionInfo> getV1(@PathVariable String sessionId, HttpServletRequest request) {
        Principal principal = Principal.of(request);
        GenesysSessionReads.Read read = eventual(request)
                ? reads.readEventually(principal.tenantId(), sessionId)
                : reads.read(principal.tenantId(), sessionId, forwarded(request, "genesys-v1"));
        return respond(read).body(read.session());
    }

    @GetMapping("/gks-server/v2/sessions/{sessionId}")
    public ResponseEntity<SessionInfo.Wrapped> getV2(@PathVariable String sessionId,
                                                     @RequestParam(required = false) String tenantId,
                                                     HttpServletRequest request) {
        Principal principal = Principal.of(request);
        if (tenantId == null || tenantId.isBlank()) {
            throw GenesysException.invalid("the tenantId query parameter is required");
        }
        if (!tenantId.equals(principal.tenantId())) {
            throw new GenesysException(HttpStatus.FORBIDDEN, "forbidden", "the API key does not belong to this tenant");
        }
        GenesysSessionReads.Read read = eventual(request)
                ? reads.readEventually(tenantId, sessionId)
                : reads.read(tenantId, sessionId, forwarded(request, "genesys-v2"));
        return respond(read).body(new SessionInfo.Wrapped(read.session()));
    }

    /** {@code x-ledger-consistency: eventual} on the request: no barrier, no get-or-create (our extension). */
    private static boolean eventual(HttpServletRequest request) {
        return "eventual".equalsIgnoreCase(request.getHeader(STALE_HEADER));
    }

    private static ResponseEntity.BodyBuilder respond(GenesysSessionReads.Read read) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!read.fresh()) {
            ok.header(STALE_HEADER, "stale");
        }
        return ok;
    }

    private static String sane(String header) {
        return header != null && SANE_HEADER.matcher(header).matches() ? header : null;
    }

    private static EnsureSessionClient.Forwarded forwarded(HttpServletRequest request, String dialect) {
        return new EnsureSessionClient.Forwarded(request.getHeader(ApiKeyFilter.HEADER), RequestIdFilter.of(request),
                sane(request.getHeader("x-correlation-id")), dialect);
    }
}
