package io.sessionledger.command.groupcommit;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Axon's per-command-transaction bus with group commit ({@code ledger.commands.group-commit}, on by
 * default; off gives Axon's SimpleCommandBus back, for comparison).
 */
@Configuration
@ConditionalOnProperty(name = "ledger.commands.group-commit", havingValue = "true", matchIfMissing = true)
public class GroupCommitConfig {

    @Bean(destroyMethod = "shutdown")
    public CommandBus commandBus(TransactionManager transactionManager, List<CorrelationDataProvider> providers,
                                 @Value("${ledger.commands.lanes:2}") int lanes,
                                 @Value("${ledger.commands.max-batch:64}") int maxBatch,
                                 @Value("${ledger.commands.queue-limit:1000}") int queueLimit) {
        GroupCommitCommandBus bus = new GroupCommitCommandBus(transactionManager, lanes, maxBatch, queueLimit);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        return bus;
    }
}
