package io.sessionledger.query.api;

import io.sessionledger.query.api.genesys.CommandSideRejection;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ErrorFormats;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command side refused a write made for a read: its body is already in the dialect's format and passes through. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UpstreamRejectionAdvice {

    private final ErrorFormats formats;

    public UpstreamRejectionAdvice(ErrorFormats formats) {
        this.formats = formats;
    }

    @ExceptionHandler(CommandSideRejection.class)
    ResponseEntity<Object> rejected(CommandSideRejection e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        if (e.body() == null || e.body().length == 0) {
            return formats.forPath(request.getRequestURI()).render(
                    new ApiError(status, "invalid_request", status.getReasonPhrase()), RequestContext.requestIdOf(request));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }
}
