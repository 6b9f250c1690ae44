package io.sessionledger.command.registry;

/** The outcome of a registration: what is registered now, and whether this call created it. */
public record Registered<T>(T entry, boolean created) {
}
