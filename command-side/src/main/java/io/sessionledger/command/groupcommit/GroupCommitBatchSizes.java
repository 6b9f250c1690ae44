package io.sessionledger.command.groupcommit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * {@value #METER}: commands per committed transaction. Every command runs in a unit of work whose root is its
 * batch's (the group-commit lane's) or, without group commit, its own; the count is taken per root and recorded
 * once the root commits. A batch that failed and was run again one by one counts as its single runs.
 */
@Component
public class GroupCommitBatchSizes implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String METER = "ledger.commands.batch.size";
    private static final String COUNT = GroupCommitBatchSizes.class.getName() + ".count";

    private final DistributionSummary sizes;

    public GroupCommitBatchSizes(CommandBus commandBus, MeterRegistry meters) {
        this.sizes = DistributionSummary.builder(METER)
                .description("commands stored in one transaction (group commit)")
                .publishPercentileHistogram().maximumExpectedValue(1024.0)
                .register(meters);
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        root.getOrComputeResource(COUNT, key -> {
            AtomicInteger commands = new AtomicInteger();
            root.afterCommit(committed -> sizes.record(commands.get()));
            return commands;
        }).incrementAndGet();
        return chain.proceed();
    }
}
