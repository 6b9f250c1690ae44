package io.sessionledger.command.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Whole-ledger verifications run one at a time in the background; their progress is read by id. */
@Component
public class VerificationRuns implements DisposableBean {

    public record Run(String id, Instant startedAt, LedgerVerifier.Progress progress,
                      AtomicReference<LedgerVerifier.Result> result,
                      AtomicReference<String> error) {
    }

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);
    private static final int KEPT = 50;

    private final LedgerVerifier verifier;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-verifier");
        thread.setDaemon(true);
        return thread;
    });

    public VerificationRuns(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    public Run start() {
        Run run = new Run("v-" + UUID.randomUUID(), Instant.now(), new LedgerVerifier.Progress(),
                new AtomicReference<>(), new AtomicReference<>());
        if (runs.size() >= KEPT) {
            runs.values().stream().filter(old -> old.result().get() != null || old.error().get() != null)
                    .map(Run::id).findFirst().ifPresent(runs::remove);
        }
        runs.put(run.id(), run);
        worker.execute(() -> {
            try {
                run.result().set(verifier.verify(run.progress()));
            } catch (RuntimeException e) {
                log.error("whole-ledger verification {} failed to run", run.id(), e);
                run.error().set(e.toString());
            }
        });
        return run;
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
