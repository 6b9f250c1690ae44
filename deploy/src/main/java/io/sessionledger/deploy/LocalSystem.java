package io.sessionledger.deploy;

import io.sessionledger.deploy.services.StartupFailure;
import io.sessionledger.deploy.services.SupervisedService;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The whole Session Ledger on one machine, in the foreground: an in-process Kafka broker, the command
 * side and the query side as child JVMs, and the edge on one base URL. Ctrl-C stops all of it.
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    /** Starts everything and returns once the edge serves; on failure, stops what it had started. */
    public static RunningSystem start(LocalSystemConfig config) throws Exception {
        return start(config, LocalSystem::say);
    }

    /** @param announce where the launcher's lines go (a restarted service, ...): its output, or a test's list */
    public static RunningSystem start(LocalSystemConfig config, Consumer<String> announce) throws Exception {
        RunningSystem system = new RunningSystem(config, announce);
        try {
            system.boot();
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("ledger.home", "."));
        LocalSystemConfig config = LocalSystemConfig.fromEnvironment(System.getenv(), home);
        RunningSystem system = new RunningSystem(config, LocalSystem::say);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "ledger-shutdown"));
        System.out.println(Banner.starting(config));
        try {
            system.boot();
        } catch (Exception e) {
            if (system.isClosed()) {
                return; // Ctrl-C during startup: the shutdown hook is already stopping everything
            }
            System.err.println("\nSession Ledger failed to start: " + describe(e));
            system.close();
            System.exit(1);
        }
        System.out.println(Banner.up(system));
        new CountDownLatch(1).await();
    }

    /** The launcher's own lines, told apart from the banners by their prefix. */
    static void say(String line) {
        System.out.println("[launcher] " + line);
    }

    private static String describe(Exception e) {
        return e instanceof StartupFailure ? e.getMessage() : e.toString();
    }

    /** The text the launcher prints; kept apart so main reads as the sequence it is. */
    static final class Banner {

        private static final String RULE = "=".repeat(72);

        private Banner() {
        }

        static String starting(LocalSystemConfig config) {
            return RULE + "\nStarting Session Ledger (data in " + config.dataDir() + ")\n"
                    + "  Kafka broker      " + config.kafkaBootstrap() + (config.ownBroker() ? "" : " (external: none started)")
                    + "  topic " + config.topic() + "\n"
                    + "  command-side      " + config.commandUrl() + "  log " + config.logDir().resolve("command-side.log") + "\n"
                    + "  query-side        " + config.queryUrl() + "  log " + config.logDir().resolve("query-side.log") + "\n"
                    + "  store             " + (config.dbUrl() == null ? "H2 files under the data dir" : config.dbUrl()) + "\n"
                    + RULE;
        }

        static String up(RunningSystem system) {
            LocalSystemConfig config = system.config();
            StringBuilder text = new StringBuilder(RULE).append('\n')
                    .append("Session Ledger is up on ").append(system.baseUrl()).append('\n')
                    .append("  Kafka:       ").append(system.kafkaBootstrap()).append('\n')
                    .append("  Metrics:     ").append(system.edgeMetricsUrl()).append("/actuator/prometheus (edge; services: ")
                    .append("/actuator/prometheus on their own ports)\n")
                    .append("  Admin key:   ").append(system.adminKey())
                    .append(config.adminKeyGenerated() ? "   (generated: set LEDGER_ADMIN_KEY to keep one)" : "")
                    .append('\n');
            for (SupervisedService service : system.services()) {
                text.append("  ").append(String.format("%-12s ", service.name() + " log:")).append(service.logFile()).append('\n');
            }
            return text.append("A service that dies is started again. Press Ctrl-C to stop.\n").append(RULE).toString();
        }
    }
}
