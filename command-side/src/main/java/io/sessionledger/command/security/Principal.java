package io.sessionledger.command.security;

/** Who calls: an API key of one tenant. */
public record Principal(String keyId, String tenantId, String name) {
}
