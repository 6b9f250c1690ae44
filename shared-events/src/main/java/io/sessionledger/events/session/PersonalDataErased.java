package io.sessionledger.events.session;

/**
 * The keys of a data subject were destroyed: every personal-data field of this session that was encrypted
 * under them is unreadable from now on, here and in every copy (the store, the topic, exports). Consumers
 * drop what they decrypted. {@code subjectId} is the subject's keyed hash, never the identifier itself.
 */
public record PersonalDataErased(String tenantId, String sessionId, String subjectId) implements SessionEvent {
}
