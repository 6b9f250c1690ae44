package io.sessionledger.service.errors;

import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
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
@Order(Ordered.LOWEST_PRECEDENCE)
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

    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Object> badInput(Exception e, HttpServletRequest request) {
        String message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getName() + "' has the wrong type"
                : e instanceof HttpMessageNotReadableException ? "the body is not valid JSON" : e.getMessage();
        return render(request, ApiError.badRequest(message));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpServletRequest request) {
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
        return render(request, ApiError.unavailable("the ledger cannot be reached right now; try again"));
    }

    /** The client went away mid-request: nobody is left to answer, and it is not the service's fault to log. */
    @ExceptionHandler(org.apache.catalina.connector.ClientAbortException.class)
    ResponseEntity<Object> clientGone(Exception e, HttpServletRequest request) {
        log.debug("client aborted {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return render(request, ApiError.badRequest("the request was not received whole"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return render(request, new ApiError(status, ErrorCodes.of(status), status.getReasonPhrase()));
        }
        log.error("unexpected failure in {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "unexpected error; request id " + RequestContext.requestIdOf(request)));
    }

    private ResponseEntity<Object> render(HttpServletRequest request, ApiError error) {
        return formats.forPath(request.getRequestURI()).render(error, RequestContext.requestIdOf(request));
    }
}
