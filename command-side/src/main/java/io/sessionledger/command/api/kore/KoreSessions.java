package io.sessionledger.command.api.kore;

import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.session.CreateSession;
import io.sessionledger.command.session.LookUpSession;
import io.sessionledger.command.session.SessionRejected;
import io.sessionledger.command.session.SessionRejected.Reason;
import io.sessionledger.command.session.TerminateSession;
import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import io.sessionledger.dialect.kore.KoreIdentity;
import io.sessionledger.dialect.kore.KoreRules;
import io.sessionledger.dialect.kore.KoreUserId;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.RequestContext;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a Kore {@code sessionIdentity} means (SPEC 4.2): a sessionId retrieves, a sessionReference finds or
 * creates, a userReference alone creates; a userReference next to a session must be its owner. Find-or-create
 * by reference holds under concurrency because the reference is claimed in the create's own transaction: a
 * create that loses the claim looks again and answers the winner's session.
 */
@Component
class KoreSessions {

    /** @param created whether this request made the session (201) or found it (200) */
    record Opened(SessionWrites.Result result, boolean created) {
    }

    /** Each lost race means another request just created or deleted the session: a few looks settle it. */
    private static final int ATTEMPTS = 5;

    private final SessionWrites writes;
    private final UniqueKeys uniqueKeys;

    KoreSessions(SessionWrites writes, UniqueKeys uniqueKeys) {
        this.writes = writes;
        this.uniqueKeys = uniqueKeys;
    }

    Opened open(KoreIdentity identity, SessionScope scope, RequestContext context) {
        if (identity.sessionId() != null) {
            return new Opened(retrieve(identity, scope, context), false);
        }
        if (identity.sessionReference() == null) {
            return new Opened(create(identity.userReference(), null, scope, context), true);
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<SessionRef> holder = holderOf(identity.sessionReference(), scope, context);
            try {
                return holder.isPresent()
                        ? new Opened(lookUp(holder.get(), scope, identity.userReference(), context), false)
                        : new Opened(create(identity.userReference(), identity.sessionReference(), scope, context),
                                true);
            } catch (SessionRejected raced) {
                if (raced.reason() != Reason.KEY_TAKEN && raced.reason() != Reason.NOT_FOUND) {
                    throw raced;
                }
            }
        }
        throw new ApiException(new ApiError(HttpStatus.CONFLICT, "conflict",
                "the sessionReference is changing hands under concurrent requests; try again"));
    }

    SessionWrites.Result terminate(KoreIdentity identity, SessionScope scope, Long expectedVersion,
                                   RequestContext context) {
        identity.requireSession();
        SessionRef ref = identity.sessionId() != null ? ref(identity.sessionId(), context)
                : holderOf(identity.sessionReference(), scope, context).orElseThrow(KoreRules::sessionNotFound);
        if (identity.userReference() != null || identity.sessionId() != null && identity.sessionReference() != null) {
            retrieve(new KoreIdentity(ref.sessionId(), identity.sessionReference(), identity.userReference()), scope,
                    context);
        }
        return writes.send(new TerminateSession(ref, scope, expectedVersion), context, KoreRules.DIALECT);
    }

    /** By id; a reference given too must be that session's, else no session matches both. */
    private SessionWrites.Result retrieve(KoreIdentity identity, SessionScope scope, RequestContext context) {
        SessionWrites.Result found = lookUp(ref(identity.sessionId(), context), scope, identity.userReference(),
                context);
        if (identity.sessionReference() != null
                && !Objects.equals(identity.sessionReference(), found.session().sessionReference())) {
            throw KoreRules.sessionNotFound();
        }
        return found;
    }

    private SessionWrites.Result lookUp(SessionRef ref, SessionScope scope, String owner, RequestContext context) {
        return writes.send(new LookUpSession(ref, scope, owner), context, KoreRules.DIALECT);
    }

    /**
     * A new session of {@code owner} (the reference itself when no user was named). Without a reference its
     * sessionReference is its sessionId, so every Kore session can be found by reference.
     */
    private SessionWrites.Result create(String userReference, String reference, SessionScope scope,
                                        RequestContext context) {
        String tenantId = context.tenantId();
        SessionRef ref = new SessionRef(tenantId, "s-" + UUID.randomUUID());
        String owner = userReference != null ? userReference : reference;
        CreateSession command = new CreateSession(ref, scope,
                new Parties(null, null, owner, KoreUserId.of(tenantId, owner)),
                new ExternalKeys(null, null, reference != null ? reference : ref.sessionId(), null),
                SessionDetails.NONE);
        return writes.send(command, context, KoreRules.DIALECT);
    }

    private Optional<SessionRef> holderOf(String reference, SessionScope scope, RequestContext context) {
        return uniqueKeys.ownerOf(UniqueKey.sessionReference(context.tenantId(), scope.appId(), scope.environment(),
                reference)).map(SessionRef::parse);
    }

    /** An id that no session can have names no session: not found, as Kore answers for any unknown id. */
    private static SessionRef ref(String sessionId, RequestContext context) {
        if (!SessionRef.isSessionId(sessionId)) {
            throw KoreRules.sessionNotFound();
        }
        return new SessionRef(context.tenantId(), sessionId);
    }
}
