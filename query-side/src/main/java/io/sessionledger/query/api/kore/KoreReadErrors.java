package io.sessionledger.query.api.kore;

import io.sessionledger.dialect.kore.KoreExamples;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The errors both Kore reads answer, each with an example, in Kore's {"errors":[{"msg","code"}]} shape. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "malformed parameters or body", content = @Content(
        mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.INVALID_LIST_REQUEST)))
@ApiResponse(responseCode = "401", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the key may not use this app or the sessions API",
        content = @Content(mediaType = "application/json", examples = @ExampleObject(value = KoreExamples.FORBIDDEN)))
@ApiResponse(responseCode = "429", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.RATE_LIMITED)))
@ApiResponse(responseCode = "503", content = @Content(mediaType = "application/json",
        examples = @ExampleObject(value = KoreExamples.UNAVAILABLE)))
@interface KoreReadErrors {
}
