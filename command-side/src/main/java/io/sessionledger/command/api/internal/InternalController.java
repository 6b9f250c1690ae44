package io.sessionledger.command.api.internal;

import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a key is, for the query side and the edge (the edge never routes {@code /internal} to clients). The call
 * carries the key itself, so nobody learns more than the key's holder may.
 */
@RestController
public class InternalController {

    @GetMapping("/internal/v1/principal")
    public PrincipalView principal(HttpServletRequest request) {
        return PrincipalView.of(RequestContext.of(request).principal());
    }
}
