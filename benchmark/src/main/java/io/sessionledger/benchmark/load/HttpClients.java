package io.sessionledger.benchmark.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One HTTP/1.1 client per run, on two daemon threads: the load generator shares the 2 cores with the system. */
public final class HttpClients {

    private HttpClients() {
    }

    public static HttpClient lean() {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }
}
