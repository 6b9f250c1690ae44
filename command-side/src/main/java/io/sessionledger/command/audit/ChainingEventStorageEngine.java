package io.sessionledger.command.audit;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine that also chains and logs what it appends: Axon calls {@code appendEvents} once per
 * unit of work at prepare-commit, so a group commit's events arrive here as one batch, inside the transaction
 * that stores them. The hash rows are written in that same transaction: both commit or neither does.
 */
public class ChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final ChainWriter chain;
    private final TransactionManager transactions;

    public ChainingEventStorageEngine(Builder builder, TransactionManager transactions, ChainWriter chain) {
        super(builder.transactionManager(transactions));
        this.chain = chain;
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain.record(events, serializer);
        });
    }
}
