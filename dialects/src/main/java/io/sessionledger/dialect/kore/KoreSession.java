package io.sessionledger.dialect.kore;

import io.sessionledger.dialect.SessionView;
import java.time.Instant;

/** A Kore session as create and get answer it (seed 003), inside {@code {"session": ...}}. */
public record KoreSession(
        String sessionId,
        String sessionReference,
        String userReference,
        String status,
        String userId,
        Instant createdAt) {

    public static KoreSession of(SessionView session) {
        return new KoreSession(session.sessionId(), session.sessionReference(), session.userReference(),
                session.status(), session.userId(), session.createdAt());
    }

    public record Envelope(KoreSession session) {
    }

    public static Envelope envelope(SessionView session) {
        return new Envelope(of(session));
    }

    /** One entry of a list page: the seed lists no userReference there. */
    public record Listed(String sessionId, String sessionReference, String status, String userId, Instant createdAt) {

        public static Listed of(SessionView session) {
            return new Listed(session.sessionId(), session.sessionReference(), session.status(), session.userId(),
                    session.createdAt());
        }
    }
}
