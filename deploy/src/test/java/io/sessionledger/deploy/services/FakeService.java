package io.sessionledger.deploy.services;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A stand-in for a service JVM the launcher runs with {@code java -jar}: UP on {@code /actuator/health} at
 * {@code SERVER_PORT}, and {@code /env} shows the LEDGER_* variables it was given. It follows its launcher out
 * ({@code LEDGER_PARENT_PID}), as the real services do, so a test JVM that dies leaves no orphan.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        if ("tools".equals(System.getProperty("jarmode")) && args.length == 3 && args[0].equals("extract")) {
            extract(Path.of(args[2])); // as a Spring Boot jar's tools mode does
            return;
        }
        String parent = System.getenv("LEDGER_PARENT_PID");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> reply(exchange, ledgerVariables()));
        server.start();
    }

    private static String ledgerVariables() {
        Map<String, String> ledger = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("LEDGER_")) {
                ledger.put(name, value);
            }
        });
        return ledger.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Spring Boot's {@code -Djarmode=tools extract}: the application as a plain jar, and its lib/ folder. */
    private static void extract(Path destination) throws Exception {
        Files.createDirectories(destination.resolve("lib"));
        Path self = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(self, destination.resolve("fake-service.jar"));
    }

    /**
     * A jar holding this class, marked as a Spring Boot jar, so the launcher extracts it and records a start-up
     * cache for it (class data sharing needs the classes in a jar, not a folder).
     */
    public static Path springBootJar(Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(new Attributes.Name("Spring-Boot-Version"), "3.5.0");
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("fake-boot-service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var files = Files.list(classes.resolve("io/sessionledger/deploy/services"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FakeService")).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry("io/sessionledger/deploy/services/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar whose manifest runs this class from the test classes, so {@code java -jar} starts it. */
    public static Path jar(Path dir) throws Exception {
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("fake-service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
