package io.sessionledger.deploy;

import io.sessionledger.deploy.broker.BrokerSettings;
import io.sessionledger.deploy.broker.LocalBroker;
import io.sessionledger.deploy.services.FakeService;
import io.sessionledger.deploy.services.SupervisedService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as a process supervisor, with stand-in services ({@link FakeService}, real child JVMs started
 * with {@code java -jar}) and a broker it did not start (LEDGER_KAFKA_BOOTSTRAP): it starts none of its own, and
 * a service killed by pid is started again, with a line that says so.
 */
class LauncherIT {

    private static final String TOPIC = "launcher-it-events";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;
    private static LocalBroker external;
    private static RunningSystem system;
    private static int ownKafkaPort;
    private static final List<String> said = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startWithAnExternalBroker() throws Exception {
        external = LocalBroker.start(new BrokerSettings(Ports.findFreePair(), dir.resolve("external-kafka"),
                "some-other-topic", 1));
        Path fake = FakeService.jar(dir);
        ownKafkaPort = Ports.findFreePair();
        Map<String, String> env = Map.ofEntries(
                Map.entry("LEDGER_KAFKA_BOOTSTRAP", external.bootstrapServers()),
                Map.entry("LEDGER_KAFKA_PORT", Integer.toString(ownKafkaPort)),
                Map.entry("LEDGER_TOPIC", TOPIC),
                Map.entry("LEDGER_PARTITIONS", "3"),
                Map.entry("LEDGER_HTTP_PORT", Integer.toString(Ports.findFree())),
                Map.entry("LEDGER_COMMAND_PORT", Integer.toString(Ports.findFree())),
                Map.entry("LEDGER_QUERY_PORT", Integer.toString(Ports.findFree())),
                Map.entry("LEDGER_EDGE_METRICS_PORT", Integer.toString(Ports.findFree())),
                Map.entry("LEDGER_DATA_DIR", dir.resolve("data").toString()),
                Map.entry("LEDGER_COMMAND_JAR", fake.toString()),
                Map.entry("LEDGER_QUERY_JAR", fake.toString()),
                Map.entry("LEDGER_STARTUP_TIMEOUT_SECONDS", "60"));
        system = LocalSystem.start(LocalSystemConfig.fromEnvironment(env, dir), said::add);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void withLedgerKafkaBootstrapTheLauncherUsesThatBrokerAndStartsNoneOfItsOwn() throws Exception {
        assertThat(system.kafkaBootstrap()).isEqualTo(external.bootstrapServers());
        assertThat(isFree(ownKafkaPort)).as("LEDGER_KAFKA_PORT, where its own broker would listen").isTrue();
        assertThat(Files.exists(dir.resolve("data").resolve("kafka"))).as("its own broker's log").isFalse();

        for (String service : List.of("command-side", "query-side")) {
            String env = get(serviceUrl(service) + "/env").body();
            assertThat(env).as(service).contains("\"LEDGER_KAFKA_BOOTSTRAP\":\"" + external.bootstrapServers() + "\"");
        }
        HttpResponse<String> health = get(system.baseUrl() + "/actuator/health");
        assertThat(health.statusCode()).as("the edge asks the external broker: " + health.body()).isEqualTo(200);

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, external.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            var topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
            assertThat(topic.partitions()).as("created on the external broker, with LEDGER_PARTITIONS").hasSize(3);
        }
    }

    @Test
    void aServiceKilledByPidIsStartedAgainAndTheLauncherSaysSo() throws Exception {
        SupervisedService query = system.service("query-side");
        long killed = query.pid();
        assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(query.restarts() == 1 && query.pid() != killed && isUp(serviceUrl("query-side")))) {
            assertThat(System.nanoTime()).as("query-side was not started again: " + said).isLessThan(deadline);
            Thread.sleep(100);
        }
        while (said.stream().noneMatch(line -> line.startsWith("query-side is up again"))) {
            assertThat(System.nanoTime()).as("no line about it: " + said).isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(said).anyMatch(line -> line.startsWith("query-side (pid " + killed + ") exited with code ")
                && line.contains("restarting it"));
        assertThat(said).contains("query-side is up again (pid " + query.pid() + ")");
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(system.service("command-side").restarts()).as("the other service was left alone").isZero();
        assertThat(get(system.baseUrl() + "/actuator/health").statusCode()).isEqualTo(200);
    }

    private static String serviceUrl(String service) {
        int port = service.equals("command-side") ? system.config().commandPort() : system.config().queryPort();
        return "http://127.0.0.1:" + port;
    }

    private static boolean isUp(String baseUrl) {
        try {
            HttpResponse<String> health = get(baseUrl + "/actuator/health");
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
