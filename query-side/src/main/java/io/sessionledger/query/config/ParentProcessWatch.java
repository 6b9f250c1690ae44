package io.sessionledger.query.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** When the launcher that started this JVM dies, this JVM follows instead of lingering as an orphan. */
@Component
public class ParentProcessWatch implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    private final LedgerProperties ledger;
    private final ConfigurableApplicationContext context;

    public ParentProcessWatch(LedgerProperties ledger, ConfigurableApplicationContext context) {
        this.ledger = ledger;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long pid = ledger.parentPid();
        if (pid == null) {
            return;
        }
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit(pid)),
                () -> exit(pid));
    }

    private void exit(long pid) {
        Thread exit = new Thread(() -> {
            log.info("parent process {} is gone, shutting down", pid);
            System.exit(SpringApplication.exit(context, () -> 0));
        }, "parent-exit");
        exit.start();
    }
}
