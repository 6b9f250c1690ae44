package io.sessionledger.deploy.edge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;

/**
 * What the edge counts for the operator, scraped on its own listener ({@link MetricsServer}), never on the public
 * port: every request by route and status with a latency histogram ({@value #REQUESTS}), the requests the edge
 * refused itself by status and code ({@value #REJECTED}), and among them the quota refusals ({@value #QUOTA}).
 */
public final class EdgeMetrics {

    public static final String REQUESTS = "ledger.edge.requests";
    public static final String REJECTED = "ledger.edge.rejected";
    public static final String QUOTA = "ledger.edge.quota.refusals";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter quotaRefusals = Counter.builder(QUOTA)
            .description("requests refused because their API key was over its quota").register(registry);

    /** @param route where the request went ("command", "query", ...; "refused" when it never got that far) */
    public void answered(String route, int status, long nanos) {
        Timer.builder(REQUESTS).description("requests through the edge, until the last byte of the answer")
                .tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The edge answered this error itself (the request reached no service). */
    public void refused(int status, String code) {
        Counter.builder(REJECTED).description("requests the edge refused itself")
                .tag("status", Integer.toString(status)).tag("code", code)
                .register(registry).increment();
        if (status == 429) {
            quotaRefusals.increment();
        }
    }

    /** The Prometheus text format of everything above. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
