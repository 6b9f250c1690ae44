package io.sessionledger.command.session;

/**
 * A command the session's rules refuse. Each dialect maps the reason to its own status and error code.
 * No stack trace: this is an answer to a client, not a fault.
 */
public class SessionRejected extends RuntimeException {

    public enum Reason {
        CUSTOMER_CONFLICT,
        VISIT_CONFLICT,
        KEY_TAKEN,
        TERMINATED,
        NOT_FOUND,
        VERSION_MISMATCH,
        /** The session belongs to another user reference (Kore). */
        OWNER_MISMATCH
    }

    private final Reason reason;

    public SessionRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
