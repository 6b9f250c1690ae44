package io.sessionledger.command.registry;

import java.util.regex.Pattern;

/** The shapes of the names the registry keeps; API keys limited to agents or apps use the same ones. */
public final class RegistryNames {

    private static final Pattern AGENT_KEY = Pattern.compile("[0-9a-zA-Z_-]{1,64}");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RegistryNames() {
    }

    public static boolean isAgentKey(String value) {
        return value != null && AGENT_KEY.matcher(value).matches();
    }

    public static boolean isAppId(String value) {
        return value != null && APP_ID.matcher(value).matches() && !isDotSegment(value);
    }

    public static boolean isEnvironment(String value) {
        return value != null && ENVIRONMENT.matcher(value).matches() && !isDotSegment(value);
    }

    /** "." and ".." would be path segments that proxies and servlet containers remove: never reachable. */
    private static boolean isDotSegment(String value) {
        return value.equals(".") || value.equals("..");
    }
}
