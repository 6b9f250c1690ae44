package io.sessionledger.command.api.web;

import io.sessionledger.command.session.SessionRejected;
import org.springframework.http.ResponseEntity;

/** One per API dialect: which paths it owns, how it names domain rejections, how its errors look. */
public interface DialectErrors {

    boolean owns(String path);

    ApiError rejected(SessionRejected rejection);

    ResponseEntity<Object> render(ApiError error, String requestId);
}
