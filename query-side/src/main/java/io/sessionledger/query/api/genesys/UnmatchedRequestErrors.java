package io.sessionledger.query.api.genesys;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures before any controller was chosen (no route: 404, wrong method: 405). They have no handler, so the
 * dialect-scoped mapper does not see them; the query side serves only the Genesys dialect, so they are worded
 * the Genesys way.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnmatchedRequestErrors {

    @ExceptionHandler(Exception.class)
    public ResponseEntity<GenesysError> unmatched(Exception e) {
        return GenesysErrorMapper.map(e);
    }
}
