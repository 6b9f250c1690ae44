package io.sessionledger.deploy.edge;

import java.time.Duration;
import java.util.Map;

/**
 * What the edge accepts from one client before any service sees the request (docs/architecture.md lists
 * the variables). Sizes are in bytes; the body limit is the largest body any service accepts, so a larger
 * one is refused at the edge instead of being forwarded to be refused.
 *
 * @param maxRequestLine  request line, without its CRLF (414 above it)
 * @param maxHeaderBytes  all header lines together, with their CRLFs (431 above it)
 * @param maxHeaders      header lines (431 above it); the edge adds six before forwarding, and the services
 *                        accept at most 100
 * @param maxBodyBytes    request body (413 above it)
 * @param headerTimeout   from the first byte of a request to its last header line (408 after it)
 * @param bodyTimeout     from the end of the headers to the last byte of the body (408 after it)
 * @param idleTimeout     a kept-alive connection without a request is closed after it
 * @param maxConnectionsPerAddress open connections from one client address; more are closed at once
 * @param proxyTimeout    a proxied request is cut after it in all (503, or the connection closed once the response
 *                        started), except on the streaming routes ({@link Routes#isStream})
 * @param streamIdleTimeout a streamed response (an export) is cut once nothing was sent for it
 */
public record EdgeLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxBodyBytes,
                         Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                         int maxConnectionsPerAddress, Duration proxyTimeout, Duration streamIdleTimeout) {

    private static final Duration PROXY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static final EdgeLimits DEFAULTS = new EdgeLimits(8 * 1024, 16 * 1024, 64, 64 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 256);

    /** With the default proxy timeouts. */
    public EdgeLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxBodyBytes,
                      Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnectionsPerAddress) {
        this(maxRequestLine, maxHeaderBytes, maxHeaders, maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout,
                maxConnectionsPerAddress, PROXY_TIMEOUT, STREAM_IDLE_TIMEOUT);
    }

    public EdgeLimits {
        if (maxRequestLine < 64 || maxHeaderBytes < 256 || maxHeaders < 8 || maxBodyBytes < 1
                || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("edge limits too small: " + maxRequestLine + "/" + maxHeaderBytes
                    + "/" + maxHeaders + "/" + maxBodyBytes + "/" + maxConnectionsPerAddress);
        }
        for (Duration timeout : new Duration[] {headerTimeout, bodyTimeout, idleTimeout, proxyTimeout,
                streamIdleTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("edge timeouts must be positive");
            }
        }
    }

    /**
     * LEDGER_EDGE_MAX_BODY_BYTES, LEDGER_EDGE_{HEADER,BODY,IDLE,PROXY,STREAM_IDLE}_TIMEOUT_SECONDS,
     * LEDGER_EDGE_MAX_CONNECTIONS_PER_ADDRESS.
     */
    public static EdgeLimits fromEnvironment(Map<String, String> env) {
        return new EdgeLimits(DEFAULTS.maxRequestLine(), DEFAULTS.maxHeaderBytes(), DEFAULTS.maxHeaders(),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_MAX_BODY_BYTES", String.valueOf(DEFAULTS.maxBodyBytes()))),
                seconds(env, "LEDGER_EDGE_HEADER_TIMEOUT_SECONDS", DEFAULTS.headerTimeout()),
                seconds(env, "LEDGER_EDGE_BODY_TIMEOUT_SECONDS", DEFAULTS.bodyTimeout()),
                seconds(env, "LEDGER_EDGE_IDLE_TIMEOUT_SECONDS", DEFAULTS.idleTimeout()),
                Integer.parseInt(env.getOrDefault("LEDGER_EDGE_MAX_CONNECTIONS_PER_ADDRESS",
                        String.valueOf(DEFAULTS.maxConnectionsPerAddress()))),
                seconds(env, "LEDGER_EDGE_PROXY_TIMEOUT_SECONDS", DEFAULTS.proxyTimeout()),
                seconds(env, "LEDGER_EDGE_STREAM_IDLE_TIMEOUT_SECONDS", DEFAULTS.streamIdleTimeout()));
    }

    /** These limits with other timeouts (tests use short ones). */
    public EdgeLimits withTimeouts(Duration header, Duration body, Duration idle) {
        return new EdgeLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBodyBytes, header, body, idle,
                maxConnectionsPerAddress, proxyTimeout, streamIdleTimeout);
    }

    /** These limits with other proxy timeouts (tests use short ones). */
    public EdgeLimits withProxyTimeouts(Duration total, Duration streamIdle) {
        return new EdgeLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBodyBytes, headerTimeout, bodyTimeout,
                idleTimeout, maxConnectionsPerAddress, total, streamIdle);
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Duration.ofSeconds(Long.parseLong(value.trim()));
    }
}
