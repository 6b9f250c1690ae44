package io.sessionledger.command.api.ledger;

import io.sessionledger.service.security.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import io.sessionledger.command.registry.RegistryNames;
import io.sessionledger.command.security.KeyLimits;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads what a new key is limited to from the issue request, strictly: every malformed form is a 400
 * that names the field, so that a typo never issues a key with more power than was asked for.
 */
final class KeyLimitsReader {

    static final Set<String> FIELDS = Set.of("scopes", "agents", "apps", "rateLimit");
    static final int MAX_LISTED = 256;
    static final int MAX_REQUESTS_PER_SECOND = 100_000;

    private KeyLimitsReader() {
    }

    static KeyLimits read(JsonBody body) {
        JsonNode scopes = body.node().get("scopes");
        return new KeyLimits(
                absent(scopes) ? Set.copyOf(Principal.ALL_SCOPES) : scopes(scopes),
                names(body.node().get("agents"), "agents", RegistryNames::isAgentKey,
                        "agent keys of 1-64 letters, digits, _ and -"),
                names(body.node().get("apps"), "apps", RegistryNames::isAppId,
                        "app ids of 1-128 letters, digits, . _ and -"),
                requestsPerSecond(body.node().get("rateLimit")));
    }

    private static Set<String> scopes(JsonNode node) {
        Set<String> scopes = names(node, "scopes", Principal::isScope, "some of " + String.join(", ", Principal.ALL_SCOPES));
        if (scopes.isEmpty()) {
            throw invalid("'scopes' must not be empty (leave it out for all of " + String.join(", ", Principal.ALL_SCOPES) + ")");
        }
        return scopes;
    }

    /** @return null when absent or null (no limit), else the listed names, each once */
    private static Set<String> names(JsonNode node, String field, Predicate<String> valid, String expected) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("'" + field + "' must be a list of " + expected);
        }
        if (node.size() > MAX_LISTED) {
            throw invalid("'" + field + "' lists more than " + MAX_LISTED + " entries");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || !valid.test(item.textValue())) {
                throw invalid("'" + field + "' must be a list of " + expected);
            }
            if (!names.add(item.textValue())) {
                throw invalid("'" + field + "' lists '" + item.textValue() + "' more than once");
            }
        }
        return names;
    }

    private static Integer requestsPerSecond(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("'rateLimit' must be an object {\"requestsPerSecond\": 1-" + MAX_REQUESTS_PER_SECOND + "}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!names.next().equals("requestsPerSecond")) {
                throw invalid("'rateLimit' takes only 'requestsPerSecond'");
            }
        }
        JsonNode rate = node.get("requestsPerSecond");
        if (rate == null || !rate.isIntegralNumber() || !rate.canConvertToInt()
                || rate.intValue() < 1 || rate.intValue() > MAX_REQUESTS_PER_SECOND) {
            throw invalid("'rateLimit.requestsPerSecond' must be an integer from 1 to " + MAX_REQUESTS_PER_SECOND);
        }
        return rate.intValue();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.badRequest(message));
    }
}
