package io.sessionledger.query.api.genesys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The Genesys dialect's one error mapper: every failure becomes {@code {"code","description"}}, never a 500. */
@RestControllerAdvice(basePackageClasses = GenesysErrorMapper.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GenesysErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(GenesysErrorMapper.class);

    @ExceptionHandler(GenesysException.class)
    public ResponseEntity<GenesysError> refused(GenesysException e) {
        return GenesysError.respond(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(CommandSideRejection.class)
    public ResponseEntity<?> rejectedByCommandSide(CommandSideRejection e) {
        if (e.body() == null || e.body().length == 0) {
            return GenesysError.respond(e.status(), HttpStatus.valueOf(e.status()).getReasonPhrase());
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<GenesysError> failed(Exception e) {
        return map(e);
    }

    /** Maps any exception; also used for requests no controller matched. */
    public static ResponseEntity<GenesysError> map(Exception e) {
        if (e instanceof GenesysException refused) {
            return GenesysError.respond(refused.status(), refused.code(), refused.getMessage());
        }
        if (e instanceof MethodArgumentTypeMismatchException) {
            return GenesysError.respond(400, "a request parameter has the wrong type");
        }
        if (e instanceof ErrorResponse framework) {
            int status = framework.getStatusCode().value();
            HttpStatus known = HttpStatus.resolve(status);
            return GenesysError.respond(status, known == null ? "request refused" : known.getReasonPhrase());
        }
        log.error("unexpected failure", e);
        return GenesysError.respond(503, "the service cannot answer right now");
    }
}
