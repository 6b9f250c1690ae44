package io.sessionledger.service.process;

import io.sessionledger.service.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When the local launcher that started this JVM dies without stopping it, follow rather than linger as an orphan. */
@Component
class ParentWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

    private final ServiceProperties properties;
    private final ApplicationContext context;

    ParentWatchdog(ServiceProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        Long pid = properties.parentPid();
        if (pid == null) {
            return;
        }
        ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(this::exit), this::exit);
    }

    private void exit() {
        Thread exit = new Thread(() -> {
            log.warn("launcher process {} is gone, shutting down", properties.parentPid());
            System.exit(SpringApplication.exit(context, () -> 0));
        }, "parent-exit");
        exit.start();
    }
}
