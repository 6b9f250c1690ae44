package io.sessionledger.deploy.edge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service behind the edge (several command sides, several query sides), in the order
 * the operator listed them. The proxy balances requests across them; the edge's own calls (principal
 * lookups, API documents) take them in turn and move on to the next when one does not answer.
 */
public final class Upstreams {

    private final List<URI> uris;
    private final AtomicInteger next = new AtomicInteger();

    private Upstreams(List<URI> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("at least one upstream URL is needed");
        }
        this.uris = List.copyOf(uris);
    }

    /** A comma-separated list of base URLs, e.g. {@code http://10.0.0.5:8081,http://10.0.0.6:8081}. */
    public static Upstreams parse(String commaSeparated) {
        List<URI> uris = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String url = part.trim().replaceAll("/+$", "");
            if (url.isEmpty()) {
                continue;
            }
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http base URL: " + url);
            }
            uris.add(uri);
        }
        return new Upstreams(uris);
    }

    /**
     * The list variable when set ({@code LEDGER_COMMAND_URLS}), else the single-URL variable
     * ({@code LEDGER_COMMAND_URL}, which may hold a list too), else the default.
     */
    static Upstreams fromEnvironment(Map<String, String> env, String listVariable, String singleVariable,
                                     String fallback) {
        String list = env.get(listVariable);
        if (list != null && !list.isBlank()) {
            return parse(list);
        }
        String single = env.get(singleVariable);
        return parse(single != null && !single.isBlank() ? single : fallback);
    }

    public List<URI> all() {
        return uris;
    }

    /**
     * Every instance once, starting one further along at each call, so that the edge's own calls spread
     * over the instances and a caller that moves on after a failure ends with the one it has not tried.
     */
    public List<URI> inTurn() {
        int start = Math.floorMod(next.getAndIncrement(), uris.size());
        List<URI> turn = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            turn.add(uris.get((start + i) % uris.size()));
        }
        return turn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Upstreams upstreams && upstreams.uris.equals(uris);
    }

    @Override
    public int hashCode() {
        return uris.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }
}
