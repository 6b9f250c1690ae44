package io.sessionledger.query.api.genesys;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel {@code /error}: what filters and the container reject (a missing API key,
 * a malformed URI) is answered in the Genesys format too, never as an HTML page or a stack trace.
 */
@RestController
public class ContainerErrors implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<GenesysError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String description = message instanceof String text && !text.isBlank() ? text : reason(status);
        if (status == 500) {
            // An exception escaped: its message is not for clients.
            description = "the service cannot answer right now";
        }
        return GenesysError.respond(status, description);
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "request refused" : known.getReasonPhrase();
    }
}
