package io.sessionledger.benchmark.load;

import java.net.http.HttpRequest;
import java.util.List;

/** Builds the n-th request of a phase; n is unique within the phase, warm-up included. */
@FunctionalInterface
public interface RequestFactory {

    HttpRequest request(long n);

    /**
     * The factories in turn: request n is request n / k of factory n % k, so each one still sees every
     * number at most once (its unique ids stay unique).
     */
    static RequestFactory interleave(List<RequestFactory> factories) {
        List<RequestFactory> all = List.copyOf(factories);
        if (all.size() == 1) {
            return all.get(0);
        }
        return n -> all.get((int) (n % all.size())).request(n / all.size());
    }
}
