package io.sessionledger.events.session;

/** An event in a session's life. Every one names its session, so a consumer needs no other lookup. */
public sealed interface SessionEvent
        permits SessionCreated, UserAssociated, SessionDetailsUpdated, SessionStatusChanged,
        SessionTerminated, SessionDeleted, PersonalDataErased {

    String tenantId();

    String sessionId();
}
