package io.sessionledger.command.audit;

import io.sessionledger.command.privacy.SubjectKeys;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC storage engine that also chains and logs what it appends: Axon calls {@code appendEvents} once per
 * unit of work at prepare-commit, so a group commit's events arrive here as one batch, inside the transaction
 * that stores them. The hash rows, and the data-subject keys the events are sealed under, are written in that same
 * transaction: all commit or none does. The {@link AppendListener} (the write path's publisher) writes its rows
 * there too, and hears of the events, the very messages just serialized and stored, once the transaction committed.
 */
public class ChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final ChainWriter chain;
    private final TransactionManager transactions;
    private final SubjectKeys subjectKeys;
    private final ObjectProvider<AppendListener> listener;

    public ChainingEventStorageEngine(Builder builder, TransactionManager transactions, ChainWriter chain,
                                      SubjectKeys subjectKeys, ObjectProvider<AppendListener> listener) {
        super(builder.transactionManager(transactions));
        this.chain = chain;
        this.transactions = transactions;
        this.subjectKeys = subjectKeys;
        this.listener = listener;
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
            AppendListener told = listener.getIfAvailable();
            if (told != null) {
                List<DomainEventMessage<?>> domain = domainEvents(events);
                told.appending(domain);
                afterCommit(() -> told.committed(domain));
            }
        });
    }

    private static List<DomainEventMessage<?>> domainEvents(List<? extends EventMessage<?>> events) {
        List<DomainEventMessage<?>> domain = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> message) {
                domain.add(message);
            }
        }
        return domain;
    }

    /** Without a surrounding transaction (none to wait for) the append has committed already. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
