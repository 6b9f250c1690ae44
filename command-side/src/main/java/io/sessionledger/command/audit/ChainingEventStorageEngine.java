package io.sessionledger.command.audit;

import io.sessionledger.command.privacy.SubjectKeys;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine that also chains and logs what it appends: Axon calls {@code appendEvents} once per
 * unit of work at prepare-commit, so a group commit's events arrive here as one batch, inside the transaction
 * that stores them. The hash rows, and the data-subject keys the events are sealed under, are written in that same
 * transaction: all commit or none does.
 */
public class ChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final ChainWriter chain;
    private final TransactionManager transactions;
    private final SubjectKeys subjectKeys;

    public ChainingEventStorageEngine(Builder builder, TransactionManager transactions, ChainWriter chain,
                                      SubjectKeys subjectKeys) {
        super(builder.transactionManager(transactions));
        this.chain = chain;
        this.transactions = transactions;
        this.subjectKeys = subjectKeys;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain.record(events, serializer);
            subjectKeys.flush(); // keys made while sealing these events, and their sessions: same transaction
        });
    }
}
