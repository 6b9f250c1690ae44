package io.sessionledger.command.api.web;

import io.sessionledger.command.session.SessionRejected;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into errors; the dialect that owns the path renders them. Nothing
 * answers with a stack trace: an unexpected fault is logged here and answered as a plain 500.
 */
@RestControllerAdvice
public class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final ErrorFormats formats;

    public ErrorAdvice(ErrorFormats formats) {
        this.formats = formats;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return render(request, e.error());
    }

    @ExceptionHandler(SessionRejected.class)
    ResponseEntity<Object> rejected(SessionRejected e, HttpServletRequest request) {
        return render(request, formats.forPath(request.getRequestURI()).rejected(e));
    }

    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> badInput(Exception e, HttpServletRequest request) {
        return render(request, ApiError.badRequest(e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return render(request, new ApiError(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                request.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpServletRequest request) {
        return render(request, new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "the body must be application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpServletRequest request) {
        return render(request, new ApiError(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                "responses are application/json"));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Object> noRoute(HttpServletRequest request) {
        return render(request, ApiError.notFound("no such resource"));
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.warn("store unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return render(request, new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "the ledger cannot be reached right now; try again"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure in {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "unexpected error; request id " + RequestContext.requestIdOf(request)));
    }

    private ResponseEntity<Object> render(HttpServletRequest request, ApiError error) {
        return formats.forPath(request.getRequestURI()).render(error, RequestContext.requestIdOf(request));
    }
}
