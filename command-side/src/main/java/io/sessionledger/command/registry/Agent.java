package io.sessionledger.command.registry;

import java.time.Instant;

/** An agent registered for one tenant (the Vectara-style API's {@code agent_key}). */
public record Agent(String tenantId, String agentKey, String name, Instant createdAt) {
}
