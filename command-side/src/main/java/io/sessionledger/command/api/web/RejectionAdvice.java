package io.sessionledger.command.api.web;

import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.service.errors.ErrorFormats;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A command the session's rules refused: the dialect that owns the path names the reason and renders it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RejectionAdvice {

    private final ErrorFormats formats;

    public RejectionAdvice(ErrorFormats formats) {
        this.formats = formats;
    }

    @ExceptionHandler(SessionRejected.class)
    ResponseEntity<Object> rejected(SessionRejected e, HttpServletRequest request) {
        var dialect = formats.forPath(request.getRequestURI());
        return dialect.render(dialect.refused(e.reason().name(), e.getMessage()), RequestContext.requestIdOf(request));
    }
}
