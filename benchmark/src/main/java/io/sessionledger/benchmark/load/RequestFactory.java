package io.sessionledger.benchmark.load;

import java.net.http.HttpRequest;

/** Builds the n-th request of a phase; n is unique within the phase, warm-up included. */
@FunctionalInterface
public interface RequestFactory {

    HttpRequest request(long n);
}
