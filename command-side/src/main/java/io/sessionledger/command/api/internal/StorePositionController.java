package io.sessionledger.command.api.internal;

import io.sessionledger.command.publishing.StorePosition;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's and the publisher's positions, for the reconciliation on the query side (which sees the topic
 * and the read model). The call carries the caller's key: only the admin key learns them.
 */
@RestController
public class StorePositionController {

    private final StorePosition position;

    public StorePositionController(StorePosition position) {
        this.position = position;
    }

    @GetMapping("/internal/v1/store-position")
    public StorePosition.Store storePosition(HttpServletRequest request) {
        if (!RequestContext.of(request).principal().isAdmin()) {
            throw new ApiException(ApiError.forbidden("the admin key only"));
        }
        return position.read();
    }
}
