package io.sessionledger.command.groupcommit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * The root unit of work of a batch. Axon rolls a unit of work back when a prepare-commit handler (storing the
 * events, writing the hash chain) throws an Exception, but lets an Error through without rolling back: the
 * transaction would stay open and no rollback handler would run (the session cache would keep what never
 * committed). Here such an Error becomes a {@link BatchFailed}, so it takes the way of every other failure
 * before the commit: rolled back, and each command of the batch run again alone.
 */
final class BatchUnitOfWork<T extends Message<?>> extends DefaultUnitOfWork<T> {

    BatchUnitOfWork(T message) {
        super(message);
    }

    @Override
    protected void notifyHandlers(Phase phase) {
        try {
            super.notifyHandlers(phase);
        } catch (Error e) {
            if (phase != Phase.PREPARE_COMMIT) {
                throw e;
            }
            throw new BatchFailed("the batch failed before its commit", e);
        }
    }

    /** A batch that failed with an Error before it committed; nothing of it was stored. */
    static final class BatchFailed extends RuntimeException {
        BatchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
