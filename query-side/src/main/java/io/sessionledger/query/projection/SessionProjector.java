package io.sessionledger.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.PersonalDataErased;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import io.sessionledger.events.session.UserAssociated;
import java.time.Instant;

/**
 * The apply rules of the {@code session_info} projection: pure functions from (row, event) to row.
 *
 * <p>Delivery is at least once, so an event whose sequence is not above the row's version is a
 * redelivery and returns the row unchanged (the same instance).
 */
public final class SessionProjector {

    private SessionProjector() {
    }

    /** @param current the row before the event, or null when the session is not projected yet */
    public static SessionRow apply(SessionRow current, CloudEvent envelope, SessionEvent event) {
        long sequence = envelope.sequenceNumber();
        if (current != null && sequence <= current.version()) {
            return current;
        }
        if (current == null && !(event instanceof SessionCreated)) {
            // Only a truncated topic starts a session mid-life; nothing sensible can be projected from it.
            return null;
        }
        SessionRowDraft row = current == null ? new SessionRowDraft() : current.toDraft();
        Instant time = envelope.time();
        if (event instanceof SessionCreated created) {
            created(row, created, envelope);
        } else if (event instanceof UserAssociated associated) {
            associated(row, associated);
        } else if (event instanceof SessionDetailsUpdated updated) {
            details(row, updated.details());
        } else if (event instanceof SessionStatusChanged changed) {
            row.status = changed.to().wireName();
        } else if (event instanceof SessionTerminated) {
            row.status = SessionStatus.TERMINATED.wireName();
            row.endedAt = time;
        } else if (event instanceof SessionDeleted) {
            row.deleted = true;
        } else if (event instanceof PersonalDataErased) {
            scrub(row);
        }
        row.version = sequence;
        row.updatedAt = time;
        return row.build();
    }

    private static void created(SessionRowDraft row, SessionCreated event, CloudEvent envelope) {
        SessionScope scope = event.scope() == null ? SessionScope.TENANT : event.scope();
        Parties parties = event.parties() == null ? Parties.NONE : event.parties();
        ExternalKeys keys = event.keys() == null ? ExternalKeys.NONE : event.keys();
        SessionDetails details = event.details() == null ? SessionDetails.NONE : event.details();
        row.aggregateId = new SessionRef(event.tenantId(), event.sessionId()).aggregateId();
        row.tenantId = event.tenantId();
        row.sessionId = event.sessionId();
        row.appId = scope.appId();
        row.environment = scope.environment();
        row.agentKey = scope.agentKey();
        row.agentId = parties.agentId();
        row.customerId = parties.customerId();
        row.userReference = parties.userReference();
        row.userId = parties.userId();
        row.visitId = keys.visitId();
        row.globalVisitId = keys.globalVisitId();
        row.sessionReference = keys.sessionReference();
        row.sessionKey = keys.key();
        row.name = details.name();
        row.description = details.description();
        row.metadata = json(details.metadata());
        row.enabled = details.enabled();
        row.status = (event.status() == null ? SessionStatus.IDLE : event.status()).wireName();
        row.anonymous = isAnonymous(row);
        row.dialect = envelope.dialect();
        row.createdAt = envelope.time();
        row.endedAt = null;
        row.deleted = false;
    }

    private static void associated(SessionRowDraft row, UserAssociated event) {
        row.agentId = pick(event.agentId(), row.agentId);
        row.customerId = pick(event.customerId(), row.customerId);
        row.visitId = pick(event.visitId(), row.visitId);
        row.globalVisitId = pick(event.globalVisitId(), row.globalVisitId);
        row.anonymous = isAnonymous(row);
    }

    private static void details(SessionRowDraft row, SessionDetails details) {
        if (details == null) {
            return;
        }
        row.name = pick(details.name(), row.name);
        row.description = pick(details.description(), row.description);
        row.metadata = pick(json(details.metadata()), row.metadata);
        row.enabled = pick(details.enabled(), row.enabled);
    }

    /** The subject's data is erased: nothing personal stays in the row (whether it was anonymous stays true). */
    private static void scrub(SessionRowDraft row) {
        row.agentId = null;
        row.customerId = null;
        row.userReference = null;
        row.userId = null;
        row.visitId = null;
        row.globalVisitId = null;
        row.name = null;
        row.description = null;
        row.metadata = null;
    }

    private static boolean isAnonymous(SessionRowDraft row) {
        return row.agentId == null && row.customerId == null && row.visitId == null;
    }

    private static <T> T pick(T changed, T kept) {
        return changed != null ? changed : kept;
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
    }
}
