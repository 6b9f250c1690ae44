package io.sessionledger.command.registry;

import java.time.Instant;

/** An app's environment registered for one tenant (the Kore.ai-style API's path). */
public record AppEnvironment(String tenantId, String appId, String environment, Instant createdAt) {
}
