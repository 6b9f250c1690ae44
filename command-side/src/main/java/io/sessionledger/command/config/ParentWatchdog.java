package io.sessionledger.command.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When the local launcher dies without stopping us, stop too rather than linger as an orphan. */
@Component
class ParentWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

    private final LedgerProperties properties;
    private final ApplicationContext context;

    ParentWatchdog(LedgerProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        if (properties.parentPid() == null) {
            return;
        }
        ProcessHandle.of(properties.parentPid()).ifPresentOrElse(
                parent -> parent.onExit().thenRun(this::exit),
                this::exit);
    }

    private void exit() {
        log.warn("launcher process {} is gone, shutting down", properties.parentPid());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
