package io.sessionledger.service.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.service.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Writes an error from outside Spring MVC (filters) in the dialect of the request's path. */
@Component
public class ErrorWriter {

    private final ErrorFormats formats;
    private final ObjectMapper mapper;

    public ErrorWriter(ErrorFormats formats, ObjectMapper mapper) {
        this.formats = formats;
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        ResponseEntity<Object> entity = formats.forPath(request.getRequestURI())
                .render(error, RequestContext.requestIdOf(request));
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        entity.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        mapper.writeValue(response.getOutputStream(), entity.getBody());
    }
}
