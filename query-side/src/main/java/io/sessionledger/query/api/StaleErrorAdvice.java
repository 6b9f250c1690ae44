package io.sessionledger.query.api;

import io.sessionledger.service.errors.ErrorFormats;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The dialect's own error, as service-kit renders it, plus the stale marker: ahead of service-kit's advice, which
 * would answer the same error unmarked (a client would take a 404 for an acknowledged write as a lost write).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StaleErrorAdvice {

    private final ErrorFormats formats;

    public StaleErrorAdvice(ErrorFormats formats) {
        this.formats = formats;
    }

    @ExceptionHandler(StaleError.class)
    ResponseEntity<Object> stale(StaleError e, HttpServletRequest request) {
        ResponseEntity<Object> answer = formats.forPath(request.getRequestURI())
                .render(e.error(), RequestContext.requestIdOf(request));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(Reads.CONSISTENCY_HEADER, Reads.STALE).body(answer.getBody());
    }
}
