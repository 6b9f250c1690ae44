package io.sessionledger.service.errors;

import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors that never reached a controller (the container's own) still answer in the path's dialect. */
@RestController
public class FallbackErrorController implements ErrorController {

    private final ErrorFormats formats;

    public FallbackErrorController(ErrorFormats formats) {
        this.formats = formats;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.BAD_REQUEST;
        String path = uri instanceof String text ? text : request.getRequestURI();
        // The container's message may carry internals: clients get the reason phrase only.
        return formats.forPath(path).render(new ApiError(status, ErrorCodes.of(status), status.getReasonPhrase()),
                RequestContext.requestIdOf(request));
    }
}
