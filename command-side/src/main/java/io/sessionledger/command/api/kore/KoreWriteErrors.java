package io.sessionledger.command.api.kore;

import io.sessionledger.dialect.kore.KoreExamples;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The errors both Kore writes answer, each with an example, in Kore's {"errors":[{"msg","code"}]} shape. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "a malformed body or sessionIdentity", content = @Content(
        mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.INVALID_REQUEST)))
@ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the key may not use this app or the sessions API, or the "
        + "userReference is not the session's owner", content = @Content(mediaType = "application/json", examples = {
                @ExampleObject(name = "app not allowed", value = KoreExamples.FORBIDDEN),
                @ExampleObject(name = "not the owner", value = KoreExamples.NOT_OWNER)}))
@ApiResponse(responseCode = "404", description = "the app environment is not registered, or no such session",
        content = @Content(mediaType = "application/json", examples = {
                @ExampleObject(name = "app_not_found", value = KoreExamples.APP_NOT_FOUND),
                @ExampleObject(name = "session_not_found", value = KoreExamples.SESSION_NOT_FOUND)}))
@ApiResponse(responseCode = "413", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.TOO_LARGE)))
@ApiResponse(responseCode = "415", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.UNSUPPORTED_MEDIA_TYPE)))
@ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.RATE_LIMITED)))
@ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.UNAVAILABLE)))
@interface KoreWriteErrors {
}
