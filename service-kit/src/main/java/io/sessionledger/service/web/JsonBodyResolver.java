package io.sessionledger.service.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.service.ServiceProperties;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads a {@link JsonBody} argument: bounded in size and depth, JSON only, an object or nothing. */
@Component
public class JsonBodyResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_DEPTH = 32;

    private final ObjectMapper strict = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // "{...} xyz" or two documents in one body are not one JSON object.
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final long maxBytes;

    public JsonBodyResolver(ServiceProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JsonBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                  WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        if (request.getContentLengthLong() != 0) {
            requireJson(request.getContentType());
        }
        byte[] bytes = readBounded(request);
        if (isBlank(bytes)) {
            return JsonBody.empty();
        }
        String text = StrictText.utf8OrNull(bytes);
        if (text == null) {
            throw new ApiException(ApiError.badRequest("the body is not valid UTF-8"));
        }
        JsonNode node;
        try {
            node = strict.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.badRequest("the body is not one valid JSON value (or nests deeper than "
                    + MAX_DEPTH + " levels)"));
        }
        if (StrictText.hasLoneSurrogate(node)) {
            throw new ApiException(ApiError.badRequest("the body holds a lone surrogate, which is not text (I-JSON)"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException(ApiError.badRequest("the body must be a JSON object"));
        }
        return new JsonBody(object);
    }

    private byte[] readBounded(HttpServletRequest request) {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            // The client went away or sent a broken body (a bad chunk): its problem, not ours, and nothing to log.
            throw new ApiException(ApiError.badRequest("the body was not received whole"));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    private ApiException tooLarge() {
        return new ApiException(new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                "the body is larger than " + maxBytes + " bytes"));
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
            if (json && type.getCharset() != null && !type.getCharset().equals(java.nio.charset.StandardCharsets.UTF_8)) {
                throw new ApiException(new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "JSON bodies must be UTF-8 (RFC 8259)"));
            }
            if (json) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 415 below
        }
        throw new ApiException(new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "the body must be application/json"));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
