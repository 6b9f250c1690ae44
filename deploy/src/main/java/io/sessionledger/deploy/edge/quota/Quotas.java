package io.sessionledger.deploy.edge.quota;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.sessionledger.dialect.ApiDialect;
import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.ErrorResponses;
import io.sessionledger.deploy.edge.Upstreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Request quotas per API key: a request to a dialect or the ledger API that finds no token in its key's
 * bucket gets 429 {@code rate_limit_exceeded} in the path's dialect and never reaches a service.
 * Keys the command side does not accept (and the admin key) are not limited here: the services refuse them.
 */
public final class Quotas {

    static final long VALID_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long INVALID_TTL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_CACHED_KEYS = 100_000;
    private static final HttpString API_KEY = new HttpString("x-api-key");
    private static final Logger LOG = LoggerFactory.getLogger(Quotas.class);

    private final PrincipalLookup principals;
    private final KeyQuotaCache cache = new KeyQuotaCache(MAX_CACHED_KEYS, System::nanoTime);
    private final KeyBuckets buckets;
    private final long defaultRate;

    /** @param defaultRate requests per second for keys without a rate of their own */
    public Quotas(Upstreams commandSide, long defaultRate, int edgeInstances) {
        if (defaultRate < 1) {
            throw new IllegalArgumentException("the default rate must be at least 1 request per second");
        }
        this.principals = new PrincipalLookup(commandSide);
        this.buckets = new KeyBuckets(edgeInstances, TimeMeter.SYSTEM_NANOTIME);
        this.defaultRate = defaultRate;
    }

    /** Runs {@code next} unless the request's key is over its quota. A key seen lately costs no lookup. */
    public void guard(HttpServerExchange exchange, HttpHandler next) throws Exception {
        String apiKey = exchange.getRequestHeaders().getFirst(API_KEY);
        if (apiKey == null || apiKey.isEmpty() || ApiDialect.of(exchange.getRequestPath()) == ApiDialect.NONE) {
            next.handleRequest(exchange);
            return;
        }
        String digest = KeyQuotaCache.digest(apiKey);
        KeyQuota quota = cache.get(digest);
        if (quota == null) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(dispatched -> guard(dispatched, next)); // the lookup blocks
                return;
            }
            quota = lookUp(apiKey, digest);
        }
        if (quota.limited()) {
            ConsumptionProbe probe = buckets.tryConsume(quota);
            if (!probe.isConsumed()) {
                refuse(exchange, quota, probe.getNanosToWaitForRefill());
                return;
            }
        }
        next.handleRequest(exchange);
    }

    private KeyQuota lookUp(String apiKey, String digest) {
        try {
            Optional<PrincipalLookup.Principal> principal = principals.lookup(apiKey);
            KeyQuota quota = principal.map(p -> new KeyQuota(p.keyId(), rateOf(p))).orElse(KeyQuota.UNLIMITED);
            cache.put(digest, quota, principal.isPresent() ? VALID_TTL_NANOS : INVALID_TTL_NANOS);
            return quota;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeyQuota.UNLIMITED;
        } catch (IOException e) {
            // The services answer (or refuse) the request themselves; a failed lookup must not stop traffic.
            // Remembered briefly, so that an outage does not make every request wait for a lookup.
            LOG.warn("No quota for an API key: the principal lookup failed ({}); the request is not limited",
                    e.toString());
            cache.put(digest, KeyQuota.UNLIMITED, INVALID_TTL_NANOS);
            return KeyQuota.UNLIMITED;
        }
    }

    private long rateOf(PrincipalLookup.Principal principal) {
        Long own = principal.requestsPerSecond();
        return own != null && own > 0 ? own : defaultRate;
    }

    private static void refuse(HttpServerExchange exchange, KeyQuota quota, long nanosToWait) {
        long seconds = Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds));
        ErrorResponses.send(exchange, EdgeError.RATE_LIMITED, "This API key is over its quota of "
                + quota.requestsPerSecond() + " requests per second; retry after " + seconds + " s.");
    }
}
