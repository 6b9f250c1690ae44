package io.sessionledger.benchmark.scenario;

import io.sessionledger.benchmark.load.RequestFactory;

/**
 * A named load: {@code setup} runs once before the phase (it may create the sessions the phase reads)
 * and returns the request factory. A new API joins the benchmark as one more of these.
 */
public record Scenario(String name, boolean write, Setup setup) {

    @FunctionalInterface
    public interface Setup {
        RequestFactory prepare(Target target) throws Exception;
    }

    public static Scenario write(String name, Setup setup) {
        return new Scenario(name, true, setup);
    }

    public static Scenario read(String name, Setup setup) {
        return new Scenario(name, false, setup);
    }
}
