package io.sessionledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.query.commandside.CommandSideInstances;
import io.sessionledger.service.security.Principal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verifier's cache and revocations, with the command side's answers scripted in memory. */
class ApiKeyVerifierTest {

    static final ApiKeyProperties SETTINGS = new ApiKeyProperties(Duration.ofMinutes(10), Duration.ofSeconds(2),
            100, Duration.ofSeconds(2), "ledger-key-revocations");

    /** Answers from a map; counts how often the command side would have been asked. */
    static final class ScriptedLookup extends PrincipalLookup {
        final Map<String, Principal> principals = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();

        ScriptedLookup() {
            super(new CommandSideInstances(List.of(URI.create("http://127.0.0.1:1"))), SETTINGS, new ObjectMapper());
        }

        @Override
        public Optional<Principal> lookup(String apiKey) {
            calls.incrementAndGet();
            return Optional.ofNullable(principals.get(apiKey));
        }
    }

    final ScriptedLookup lookup = new ScriptedLookup();
    final ApiKeyVerifier verifier = new ApiKeyVerifier(lookup, SETTINGS);

    @Test
    void evictingAKeyIdDropsOnlyThatKeysAnswers() throws Exception {
        lookup.principals.put("key-a", new Principal("k-a", "acme", "a"));
        lookup.principals.put("key-b", new Principal("k-b", "acme", "b"));
        verifier.resolve("key-a");
        verifier.resolve("key-b");

        verifier.evict("k-a");

        assertThat(verifier.resolve("key-b")).isPresent();
        assertThat(lookup.calls.get()).isEqualTo(2);
        assertThat(verifier.resolve("key-a")).isEmpty();
    }

    @Test
    void aLookupThatRacedTheRevocationCannotBringTheKeyBack() throws Exception {
        // The command side answered before it committed the revocation; the answer arrives after it.
        lookup.principals.put("key-a", new Principal("k-a", "acme", "a"));
        verifier.evict("k-a");

        assertThat(verifier.resolve("key-a")).isEmpty();
        assertThat(verifier.resolve("key-a")).isEmpty();
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void evictAllForgetsEveryAnswer() throws Exception {
        lookup.principals.put("key-a", new Principal("k-a", "acme", "a"));
        verifier.resolve("key-a");

        verifier.evictAll();
        verifier.resolve("key-a");

        assertThat(lookup.calls.get()).isEqualTo(2);
    }
}
