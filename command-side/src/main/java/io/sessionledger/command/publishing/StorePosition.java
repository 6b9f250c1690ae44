package io.sessionledger.command.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the event store and its publisher stand, for the reconciliation the query side runs: how many events
 * the store holds, its highest global index, and how far the publisher's token has gone. Events at or below the
 * token's index that are not among its gaps are ones the publisher has passed: each of them should be on the
 * topic. One committed after the publisher gave up waiting for it (Axon's gap timeout) is passed but was never
 * sent, and only a comparison with the topic shows it.
 */
@Component
public class StorePosition {

    /**
     * @param position     the lowest index over the publisher's segments (-1: it has no token yet)
     * @param gaps         indexes below the position it has not seen yet (it still waits for them)
     * @param eventsPassed stored events the publisher has gone past: should each be on the topic
     * @param eventsBehind stored events it has not reached yet (above its position, or in its gaps)
     */
    public record Publisher(String processor, long position, List<Long> gaps, long eventsPassed, long eventsBehind) {
    }

    /** @param sessions distinct aggregates in the store (each a session the read model should hold) */
    public record Store(long events, long highestGlobalIndex, long sessions, Publisher publisher) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StorePosition(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    private record Token(long position, SortedSet<Long> gaps) {
        boolean passed(long globalIndex) {
            return globalIndex <= position && !gaps.contains(globalIndex);
        }
    }

    public Store read() {
        long[] store = jdbc.queryForObject("select count(*), coalesce(max(global_index), -1), "
                + "count(distinct aggregate_identifier) from domain_event_entry",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        Token token = publisherToken();
        long behindInGaps = storedAmong(List.copyOf(token.gaps()));
        long passed = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                Long.class, token.position()) - behindInGaps;
        Publisher publisher = new Publisher(KafkaPublisher.PROCESSING_GROUP, token.position(),
                List.copyOf(token.gaps()), passed, store[0] - passed);
        return new Store(store[0], store[1], store[2], publisher);
    }

    /**
     * Whether the publisher has gone past this event of the session, so that it is on the topic. For events
     * published before {@code published_session} existed; that record answers for every later one.
     */
    public boolean publisherPassed(String aggregateId, long sequence) {
        List<Long> index = jdbc.queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", Long.class, aggregateId, sequence);
        return !index.isEmpty() && publisherToken().passed(index.get(0));
    }

    /**
     * Stored events the publisher has not reached yet (above its token, or in its gaps): what the publication
     * lag gauge shows and the shutdown drain waits for. Cheap where {@link #read} is not: it reads only the
     * rows above the token (an index range), never counts the whole store.
     */
    public long eventsBehind() {
        Token token = publisherToken();
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?", Long.class,
                token.position()) + storedAmong(List.copyOf(token.gaps()));
    }

    /** The lowest position over the publisher's segments (-1: no token yet), and every gap below it. */
    private Token publisherToken() {
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("select token, token_type from token_entry where processor_name = ? and token is not null",
                rs -> {
                    tokens.add(serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                            rs.getString(2), null)));
                }, KafkaPublisher.PROCESSING_GROUP);
        long position = tokens.isEmpty() ? -1 : tokens.stream()
                .mapToLong(token -> token.position().orElse(-1)).min().orElse(-1);
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        }
        return new Token(position, gaps);
    }

    /** Gaps are indexes a transaction took but had not committed: those committed since count as not passed. */
    private long storedAmong(List<Long> indexes) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        long stored = 0;
        for (int from = 0; from < indexes.size(); from += 1_000) {
            stored += named.queryForObject("select count(*) from domain_event_entry where global_index in (:ids)",
                    Map.of("ids", indexes.subList(from, Math.min(indexes.size(), from + 1_000))), Long.class);
        }
        return stored;
    }
}
